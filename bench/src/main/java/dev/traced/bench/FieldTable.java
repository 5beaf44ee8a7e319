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
 * ratios to the hand-written code measured in the same run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.traced.bench.FieldTable field.csv
 * </pre>
 */
public final class FieldTable {

  /** Rows: display name, and the JMH benchmark for each mode (noop, recording, unsampled). */
  private static final Map<String, String[]> PEERS = new LinkedHashMap<>();

  static {
    String field = "dev.traced.bench.TracedBenchmark.";
    String agent = "dev.traced.bench.AgentBenchmark.";
    PEERS.put("hand-written OpenTelemetry code", sameInEveryMode(field + "handWritten"));
    PEERS.put("traced `@Traced` (woven)", sameInEveryMode(field + "traced"));
    PEERS.put("`@WithSpan`, java agent", new String[] {
        agent + "sdkDisabled", agent + "recording", agent + "unsampled"});
    PEERS.put("`@WithSpan`, Spring AOP aspect", sameInEveryMode(field + "springWithSpan"));
    PEERS.put("Micrometer `@Observed`, Spring AOP", sameInEveryMode(field + "micrometerObserved"));
    PEERS.put("plain call, no span", sameInEveryMode(field + "plain"));
    PEERS.put("java agent attached, `otel.javaagent.enabled=false`", new String[] {
        agent + "agentOff", null, null});
  }

  private static final String[] MODES = {"noop", "recording", "unsampled"};

  private static final String[] MODE_TITLES = {
      "No SDK (no-op API)", "SDK recording every span (always on, dropping processor)",
      "SDK sampling nothing (always off)"};

  private FieldTable() {}

  private static String[] sameInEveryMode(String benchmark) {
    return new String[] {benchmark, benchmark, benchmark};
  }

  /** One measured number: score and its 99.9 % error. */
  record Score(double value, double error) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: FieldTable <JMH results as CSV>");
      System.exit(2);
    }
    // Key: benchmark name (with ":gc.alloc.rate.norm" for allocation) + "|" + sdk parameter.
    Map<String, Score> scores = new HashMap<>();
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      List<String> cells = cells(line);
      String sdk = cells.size() > 7 ? cells.get(7) : "";
      scores.put(cells.get(0) + "|" + sdk,
          new Score(number(cells.get(4)), number(cells.get(5))));
    }

    StringBuilder ratios = new StringBuilder();
    ratios.append("| peer | no SDK | recording | sampling nothing |\n|---|---|---|---|\n");
    Map<String, String[]> ratioCells = new LinkedHashMap<>();
    PEERS.keySet().forEach(peer -> ratioCells.put(peer, new String[] {"–", "–", "–"}));

    for (int m = 0; m < MODES.length; m++) {
      Score handTime = find(scores, PEERS.get("hand-written OpenTelemetry code")[m], MODES[m], "");
      Score handBytes = find(scores, PEERS.get("hand-written OpenTelemetry code")[m], MODES[m],
          ":gc.alloc.rate.norm");
      System.out.printf("%n**%s**%n%n", MODE_TITLES[m]);
      Score tracedTime = find(scores, PEERS.get("traced `@Traced` (woven)")[m], MODES[m], "");
      System.out.println(
          "| peer | ns/op | × hand-written | × traced | B/op | B/op − hand-written |");
      System.out.println("|---|---|---|---|---|---|");
      for (Map.Entry<String, String[]> peer : PEERS.entrySet()) {
        String benchmark = peer.getValue()[m];
        Score time = benchmark == null ? null : find(scores, benchmark, MODES[m], "");
        if (time == null) {
          continue;
        }
        Score bytes = find(scores, benchmark, MODES[m], ":gc.alloc.rate.norm");
        String ratio = handTime == null ? "?" : format("%.2f", time.value() / handTime.value());
        String overTraced = tracedTime == null ? "?"
            : format("%.2f", time.value() / tracedTime.value());
        String extra = bytes == null || handBytes == null ? "?"
            : format("%+.0f", Math.rint(bytes.value()) - Math.rint(handBytes.value()));
        System.out.printf("| %s | %s ± %s | %s | %s | %s | %s |%n", peer.getKey(),
            format("%.1f", time.value()), format("%.1f", time.error()), ratio, overTraced,
            bytes == null ? "?" : format("%.0f", bytes.value()), extra);
        ratioCells.get(peer.getKey())[m] = ratio + " (" + extra + " B)";
      }
    }
    for (Map.Entry<String, String[]> peer : ratioCells.entrySet()) {
      ratios.append("| ").append(peer.getKey()).append(" | ")
          .append(String.join(" | ", peer.getValue())).append(" |\n");
    }
    System.out.printf("%n**Time per call as a ratio to hand-written code (B/op over it)**%n%n%s",
        ratios);
  }

  /** The score of {@code benchmark} + {@code metric} in mode {@code sdk}, or null. */
  private static Score find(Map<String, Score> scores, String benchmark, String sdk,
      String metric) {
    Score score = scores.get(benchmark + metric + "|" + sdk);
    // The agent's benchmarks have no sdk parameter: their mode is in the name.
    return score != null ? score : scores.get(benchmark + metric + "|");
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
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
