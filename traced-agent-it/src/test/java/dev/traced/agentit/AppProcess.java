package dev.traced.agentit;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@link AgentApp} run to its end in a JVM of its own: the same java as the test, the given JVM
 * options and class path, none of the test's own {@code OTEL_*} variables, its output in
 * {@code target/agent-it/runs/<name>.log}. The wait is bounded, and the process and its children
 * are killed whatever happens.
 */
final class AppProcess {

  static final Path DIRECTORY = Path.of(System.getProperty("traced.agentit.directory",
      "target/agent-it"));
  static final Path CLASSES = Path.of(System.getProperty("traced.agentit.classes",
      "target/classes"));
  private static final long RUN_TIMEOUT_SECONDS = 120;

  private AppProcess() {}

  /** What a finished run left: its exit code and everything it printed. */
  record Finished(int exitCode, String output) {}

  /**
   * The application's woven classes, then every jar in each of {@code libraries}, directories of
   * {@code target/agent-it} (see the pom), in a fixed order.
   */
  static String classPath(String... libraries) {
    List<Path> entries = new ArrayList<>(List.of(CLASSES));
    for (String library : libraries) {
      try (Stream<Path> jars = Files.list(DIRECTORY.resolve(library))) {
        entries.addAll(jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return entries.stream().map(Path::toString)
        .collect(Collectors.joining(System.getProperty("path.separator")));
  }

  static Finished run(String name, List<String> jvmOptions, String classPath, String... args)
      throws IOException, InterruptedException {
    Path log = DIRECTORY.resolve("runs").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The run lasts seconds, most of them the agent's start-up: the quick compiler alone costs
    // it about 40% less CPU, and changes nothing the tests look at.
    command.add("-XX:TieredStopAtLevel=1");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", classPath, AgentApp.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("OTEL_"));
    Process process = builder.start();
    try {
      if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail(name + " still running after " + RUN_TIMEOUT_SECONDS + " s:\n" + read(log));
      }
      return new Finished(process.exitValue(), read(log));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
