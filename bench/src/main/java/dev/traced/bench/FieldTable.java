package dev.traced.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the CSV of a JMH run ({@code -prof gc -rf csv -rff field.csv}) into the Markdown tables of
 * docs/benchmarks.md: for each mode, every peer's time and allocation per call, and both as
 * ratios to the hand-written code measured in the same run; with {@code --svg FILE}, also the
 * chart at the top of docs/benchmarks.md ({@link FieldChart}).
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.traced.bench.FieldTable field.csv
 * java -cp bench/target/benchmarks.jar dev.traced.bench.FieldTable field.csv --svg chart.svg
 * </pre>
 */
public final class FieldTable {

  static final String USAGE = "usage: FieldTable <JMH results as CSV> [--svg <chart to write>]";

  /**
   * One peer: its row in the tables, its shorter label and colour in the chart, and the JMH
   * benchmark that measures it in each mode (noop, recording, unsampled; null where it has none).
   */
  record Peer(String name, String label, String colour, String... benchmarks) {}

  private static final String FIELD = "dev.traced.bench.TracedBenchmark.";
  private static final String AGENT = "dev.traced.bench.AgentBenchmark.";

  static final Peer HAND_WRITTEN = new Peer("hand-written OpenTelemetry code", "hand-written",
      "#0072b2", sameInEveryMode(FIELD + "handWritten"));
  static final Peer TRACED = new Peer("traced `@Traced` (woven)", "traced", "#d55e00",
      sameInEveryMode(FIELD + "traced"));

  /** The rows of the tables and the bars of each group of the chart, in this order. */
  static final List<Peer> PEERS = List.of(
      HAND_WRITTEN,
      TRACED,
      new Peer("`@WithSpan`, java agent", "@WithSpan, agent", "#e69f00",
          AGENT + "sdkDisabled", AGENT + "recording", AGENT + "unsampled"),
      new Peer("`@WithSpan`, Spring AOP aspect", "@WithSpan, Spring", "#009e73",
          sameInEveryMode(FIELD + "springWithSpan")),
      new Peer("Micrometer `@Observed`, Spring AOP", "@Observed", "#cc79a7",
          sameInEveryMode(FIELD + "micrometerObserved")),
      new Peer("plain call, no span", "plain call", "#7f7f7f", sameInEveryMode(FIELD + "plain")),
      new Peer("java agent attached, `otel.javaagent.enabled=false`", "agent off",
          "#b3b3b3", AGENT + "agentOff", null, null));

  static final String[] MODES = {"noop", "recording", "unsampled"};

  static final String[] MODE_TITLES = {
      "No SDK (no-op API)", "SDK recording every span (always on, dropping processor)",
      "SDK sampling nothing (always off)"};

  private static final String ALLOCATION = ":gc.alloc.rate.norm";

  private FieldTable() {}

  private static String[] sameInEveryMode(String benchmark) {
    return new String[] {benchmark, benchmark, benchmark};
  }

  /** One measured number: score and its 99.9 % error. */
  record Score(double value, double error) {}

  public static void main(String[] args) throws IOException {
    boolean svg = args.length == 3 && args[1].equals("--svg");
    if (args.length != 1 && !svg) {
      System.err.println(USAGE);
      System.exit(2);
    }
    Map<String, Score> scores = read(Path.of(args[0]));
    System.out.print(tables(scores));
    if (svg) {
      Files.writeString(Path.of(args[2]), FieldChart.svg(scores), StandardCharsets.UTF_8);
    }
  }

  /**
   * Every score of a JMH CSV, keyed by benchmark name (with ":gc.alloc.rate.norm" for
   * allocation) + "|" + the benchmark's first parameter (empty where it has none).
   */
  static Map<String, Score> read(Path csv) throws IOException {
    Map<String, Score> scores = new HashMap<>();
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      String parameter = cells.size() > 7 ? cells.get(7) : "";
      scores.put(cells.get(0) + "|" + parameter,
          new Score(number(cells.get(4)), number(cells.get(5))));
    }
    return scores;
  }

  /** The Markdown tables of docs/benchmarks.md section 1. */
  static String tables(Map<String, Score> scores) {
    StringBuilder out = new StringBuilder();
    Map<Peer, String[]> ratioCells = new LinkedHashMap<>();
    PEERS.forEach(peer -> ratioCells.put(peer, new String[] {"–", "–", "–"}));

    for (int m = 0; m < MODES.length; m++) {
      Score handTime = time(scores, HAND_WRITTEN, m);
      Score handBytes = bytes(scores, HAND_WRITTEN, m);
      Score tracedTime = time(scores, TRACED, m);
      out.append(format("%n**%s**%n%n", MODE_TITLES[m]))
          .append("| peer | ns/op | × hand-written | × traced | B/op | B/op − hand-written |\n")
          .append("|---|---|---|---|---|---|\n");
      for (Peer peer : PEERS) {
        Score time = time(scores, peer, m);
        if (time == null) {
          continue;
        }
        Score bytes = bytes(scores, peer, m);
        String ratio = handTime == null ? "?" : format("%.2f", time.value() / handTime.value());
        String overTraced = tracedTime == null ? "?"
            : format("%.2f", time.value() / tracedTime.value());
        String extra = bytes == null || handBytes == null ? "?"
            : format("%+.0f", Math.rint(bytes.value()) - Math.rint(handBytes.value()));
        out.append(format("| %s | %s | %s | %s | %s | %s |%n", peer.name(), timeCell(time),
            ratio, overTraced, bytes == null ? "?" : format("%.0f", bytes.value()), extra));
        ratioCells.get(peer)[m] = ratio + " (" + extra + " B)";
      }
    }
    out.append(format("%n**Time per call as a ratio to hand-written code (B/op over it)**%n%n"))
        .append("| peer | no SDK | recording | sampling nothing |\n|---|---|---|---|\n");
    ratioCells.forEach((peer, cells) -> out.append("| ").append(peer.name()).append(" | ")
        .append(String.join(" | ", cells)).append(" |\n"));
    return out.toString();
  }

  /** {@code peer}'s time per call in mode {@code m} (an index of {@link #MODES}), or null. */
  static Score time(Map<String, Score> scores, Peer peer, int m) {
    return find(scores, peer.benchmarks()[m], MODES[m], "");
  }

  private static Score bytes(Map<String, Score> scores, Peer peer, int m) {
    return find(scores, peer.benchmarks()[m], MODES[m], ALLOCATION);
  }

  /** The score of {@code benchmark} + {@code metric} in mode {@code sdk}, or null. */
  private static Score find(Map<String, Score> scores, String benchmark, String sdk,
      String metric) {
    if (benchmark == null) {
      return null;
    }
    Score score = scores.get(benchmark + metric + "|" + sdk);
    // The agent's benchmarks have no sdk parameter: their mode is in the name.
    return score != null ? score : scores.get(benchmark + metric + "|");
  }

  /** A time as the tables and the chart print it: "212.0 ± 1.3". */
  static String timeCell(Score time) {
    return format("%.1f ± %.1f", time.value(), time.error());
  }

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }

  /** The cells of one CSV line as JMH writes it: quoted strings without quotes inside, numbers. */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
