package dev.traced.demo;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/traced-demo.jar ...} as a real process, the way the README runs it:
 * the same java as the test, only the given {@code OTEL_*} variables (those of the test's own
 * environment are removed), its output in {@code target/e2e/<name>.log}. Every wait is bounded;
 * {@link #close} kills whatever is still running, children included.
 */
final class DemoProcess implements AutoCloseable {

  static final Path JAR = Path.of(System.getProperty("traced.demo.jar", "target/traced-demo.jar"));
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long STOP_TIMEOUT_SECONDS = 30;
  private static final Pattern LISTENING = Pattern.compile("(?m)^\\S+ listening on (\\S+)$");

  private final String name;
  private final Process process;
  private final Path log;

  private DemoProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts the jar with {@code args}; does not wait for anything. */
  static DemoProcess start(String name, Map<String, String> otelEnvironment, String... args)
      throws IOException {
    List<String> javaArguments = new ArrayList<>(List.of(
        // A scope that is leaked or closed out of order fails loudly in the services too.
        "-Dio.opentelemetry.context.enableStrictContext=true",
        "-jar", JAR.toString()));
    javaArguments.addAll(List.of(args));
    return startJava(name, otelEnvironment, javaArguments);
  }

  /**
   * Starts any Java program (such as a backend the demo sends its spans to) with the test's
   * java, in the same way; does not wait for anything.
   */
  static DemoProcess startJava(String name, Map<String, String> otelEnvironment,
      List<String> javaArguments) throws IOException {
    Path log = JAR.resolveSibling("e2e").resolve(name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaArguments);
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(variable -> variable.startsWith("OTEL_"));
    builder.environment().putAll(otelEnvironment);
    return new DemoProcess(name, builder.start(), log);
  }

  /** Starts a service and waits until it prints where it listens. */
  static DemoProcess startService(String name, Map<String, String> otelEnvironment,
      String... args) throws IOException, InterruptedException {
    DemoProcess service = start(name, otelEnvironment, args);
    service.awaitListening();
    return service;
  }

  private URI listening;

  private void awaitListening() throws IOException, InterruptedException {
    listening = URI.create(
        awaitOutput(LISTENING, Duration.ofSeconds(START_TIMEOUT_SECONDS)).group(1));
  }

  /**
   * Waits until the output has a match for {@code pattern} and returns it; fails if the process
   * ends first or {@code timeout} passes.
   */
  Matcher awaitOutput(Pattern pattern, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(output());
      if (matcher.find()) {
        return matcher;
      }
      if (!process.isAlive()) {
        fail(name + " exited with " + process.exitValue() + " before its output had \""
            + pattern + "\":\n" + output());
      }
      Thread.sleep(50);
    }
    return fail(name + " had no \"" + pattern + "\" in its output within "
        + timeout.toSeconds() + " s:\n" + output());
  }

  URI uri() {
    return listening;
  }

  String output() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Waits for the process to end by itself and returns its exit code. */
  int awaitExit(long timeoutSeconds) throws IOException, InterruptedException {
    if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      fail(name + " still running after " + timeoutSeconds + " s:\n" + output());
    }
    return process.exitValue();
  }

  /**
   * Stops the service as an operator would (SIGTERM), which runs its shutdown hook: the server
   * stops, then the SDK exports what it still holds. Returns once the process has exited.
   */
  void stop() throws IOException, InterruptedException {
    process.destroy();
    awaitExit(STOP_TIMEOUT_SECONDS);
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
