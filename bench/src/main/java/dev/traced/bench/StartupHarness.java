package dev.traced.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up to first exported span, whole process: launches {@link StartupApp} as a fresh JVM,
 * timing from just before the launch until the line of the exported span appears on its output,
 * and until the process has exited; alternates the two variants, and prints median, min and max.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.traced.bench.StartupHarness [runs] [warm-up runs]
 * </pre>
 *
 * <p>Run from the repository root (the agent is {@value AgentBenchmark#AGENT_JAR}). Both variants
 * run the same {@code java}, class path (this jar) and SDK settings: console exporter, no metrics
 * and no logs exported, service name {@code startup}; the agent variant adds {@code -javaagent}.
 */
public final class StartupHarness {

  /** What the console exporter logs for the span: its name in quotes. */
  static final String MARKER = "'" + Workload.SPAN_NAME + "'";

  private StartupHarness() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    if (!Files.isRegularFile(Path.of(AgentBenchmark.AGENT_JAR))) {
      throw new IllegalStateException(AgentBenchmark.AGENT_JAR + " not found: build the bench"
          + " module (mvn -B -pl bench -am verify) and run from the repository root");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<String> settings = List.of("-Dotel.traces.exporter=console",
        "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
        "-Dotel.service.name=startup");

    Map<String, List<String>> variants = new LinkedHashMap<>();
    variants.put("traced (woven @Traced, SDK autoconfigure)",
        command(java, List.of(), settings, classPath, "traced"));
    variants.put("@WithSpan under the java agent",
        command(java, List.of("-javaagent:" + AgentBenchmark.AGENT_JAR), settings, classPath,
            "withSpan"));

    Map<String, List<long[]>> times = new LinkedHashMap<>();
    variants.keySet().forEach(name -> times.put(name, new ArrayList<>()));
    // Interleaved, so that a busy spell of a shared machine slows both alike.
    for (int round = 1 - warmups; round <= runs; round++) {
      for (Map.Entry<String, List<String>> variant : variants.entrySet()) {
        long[] result = run(variant.getValue());
        System.out.printf("%s %s: first span %d ms, exit %d ms%n",
            round < 1 ? "warm-up" : "run " + round + "/" + runs, variant.getKey(),
            result[0] / 1_000_000, result[1] / 1_000_000);
        if (round >= 1) {
          times.get(variant.getKey()).add(result);
        }
      }
    }

    System.out.printf("%nStart-up, %d runs each after %d warm-up round(s); %s %s, %d cores:%n",
        runs, warmups, System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%-45s %29s %29s%n", "", "to first exported span (ms)", "to exit (ms)");
    System.out.printf("%-45s %9s %9s %9s %9s %9s %9s%n", "variant", "median", "min", "max",
        "median", "min", "max");
    Map<String, Double> medians = new LinkedHashMap<>();
    for (Map.Entry<String, List<long[]>> entry : times.entrySet()) {
      double[] span = stats(entry.getValue(), 0);
      double[] exit = stats(entry.getValue(), 1);
      medians.put(entry.getKey(), span[0]);
      System.out.printf("%-45s %9.0f %9.0f %9.0f %9.0f %9.0f %9.0f%n", entry.getKey(),
          span[0], span[1], span[2], exit[0], exit[1], exit[2]);
    }
    List<Double> m = new ArrayList<>(medians.values());
    System.out.printf("agent / traced, time to first span (medians): %.2f%n", m.get(1) / m.get(0));
  }

  private static List<String> command(String java, List<String> agent, List<String> settings,
      String classPath, String mode) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(agent);
    command.addAll(settings);
    command.addAll(List.of("-cp", classPath, StartupApp.class.getName(), mode));
    return command;
  }

  /** Nanoseconds from launch to the marker line, and to the end of the process. */
  private static long[] run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    long start = System.nanoTime();
    Process process = builder.start();
    long marker = -1;
    StringBuilder output = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (marker < 0 && line.contains(MARKER)) {
          marker = System.nanoTime() - start;
        }
        output.append(line).append(System.lineSeparator());
      }
    }
    int status = process.waitFor();
    long exit = System.nanoTime() - start;
    if (status != 0 || marker < 0) {
      throw new IllegalStateException("exit status " + status + ", span "
          + (marker < 0 ? "not seen" : "seen") + " for " + String.join(" ", command)
          + System.lineSeparator() + output);
    }
    return new long[] {marker, exit};
  }

  /** Median, min and max of column {@code column}, in milliseconds. */
  private static double[] stats(List<long[]> results, int column) {
    double[] values = results.stream().mapToDouble(r -> r[column] / 1e6).sorted().toArray();
    int n = values.length;
    double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return new double[] {median, values[0], values[n - 1]};
  }
}
