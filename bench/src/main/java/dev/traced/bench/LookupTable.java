package dev.traced.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns the CSV of a JMH run of {@link NoSdkBenchmark} and {@link LateGlobalBenchmark} ({@code
 * -prof gc -rf csv -rff lookup.csv}) into the tables of docs/benchmarks.md: traced against the
 * hand-written code of the same run, as ratios.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.traced.bench.LookupTable lookup.csv
 * </pre>
 *
 * <p>A ratio's error is propagated from the two scores' 99.9 % errors (relative errors added in
 * quadrature): a rough guide, not a confidence interval.
 */
public final class LookupTable {

  private static final String NO_SDK = "dev.traced.bench.NoSdkBenchmark.";
  private static final String LATE = "dev.traced.bench.LateGlobalBenchmark.";
  private static final String ALLOCATION = ":gc.alloc.rate.norm";

  private LookupTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LookupTable <JMH results as CSV>");
      System.exit(2);
    }
    // Key: benchmark (with ALLOCATION for bytes per call) + "|" + registration parameter.
    Map<String, FieldTable.Score> scores = FieldTable.read(Path.of(args[0]));

    System.out.printf("**No SDK: traced against hand-written code on the no-op API**%n%n");
    System.out.println("| threads | plain ns/op | hand-written ns/op | traced ns/op"
        + " | **traced / hand-written** | B/op hand-written | B/op traced |");
    System.out.println("|---|---|---|---|---|---|---|");
    String[][] rows = {
        {"1", "plain", "handWritten", "traced"},
        {String.valueOf(NoSdkBenchmark.THREADS), "plainOnThreads", "handWrittenOnThreads",
            "tracedOnThreads"}};
    for (String[] row : rows) {
      FieldTable.Score plain = scores.get(NO_SDK + row[1] + "|");
      FieldTable.Score hand = scores.get(NO_SDK + row[2] + "|");
      FieldTable.Score traced = scores.get(NO_SDK + row[3] + "|");
      System.out.printf("| %s | %s | %s | %s | **%s** | %s | %s |%n", row[0], time(plain),
          time(hand), time(traced), ratio(traced, hand),
          bytes(scores.get(NO_SDK + row[2] + ALLOCATION + "|")),
          bytes(scores.get(NO_SDK + row[3] + ALLOCATION + "|")));
    }

    System.out.printf("%n**Recording SDK registered before the first call or late**%n%n");
    System.out.println("| registered | hand-written ns/op | traced ns/op"
        + " | **traced / hand-written** | B/op hand-written | B/op traced |");
    System.out.println("|---|---|---|---|---|---|");
    for (String registration : new String[] {"first", "late"}) {
      FieldTable.Score hand = scores.get(LATE + "handWritten|" + registration);
      FieldTable.Score traced = scores.get(LATE + "traced|" + registration);
      System.out.printf("| %s | %s | %s | **%s** | %s | %s |%n", registration, time(hand),
          time(traced), ratio(traced, hand),
          bytes(scores.get(LATE + "handWritten" + ALLOCATION + "|" + registration)),
          bytes(scores.get(LATE + "traced" + ALLOCATION + "|" + registration)));
    }
    System.out.printf("%nlate / first: hand-written %s, traced %s%n",
        ratio(scores.get(LATE + "handWritten|late"), scores.get(LATE + "handWritten|first")),
        ratio(scores.get(LATE + "traced|late"), scores.get(LATE + "traced|first")));
  }

  private static String time(FieldTable.Score score) {
    return score == null ? "?" : FieldTable.timeCell(score);
  }

  private static String bytes(FieldTable.Score score) {
    return score == null ? "?" : FieldTable.format("%.0f", score.value());
  }

  /** {@code a / b}, with the relative errors of both added in quadrature. */
  private static String ratio(FieldTable.Score a, FieldTable.Score b) {
    if (a == null || b == null) {
      return "?";
    }
    double ratio = a.value() / b.value();
    double error = ratio * Math.hypot(a.error() / a.value(), b.error() / b.value());
    return FieldTable.format("%.2f ± %.2f", ratio, error);
  }
}
