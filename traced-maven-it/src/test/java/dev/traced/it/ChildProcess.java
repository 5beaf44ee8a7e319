package dev.traced.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A process the tests start (a child {@code mvn}, a service's {@code java -jar}), its output
 * and error output in one log file. Every wait is bounded; {@link #close} kills whatever is
 * still running, children included.
 */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} in {@code directory} with the test's environment, minus {@code
   * MAVEN_OPTS} and the {@code OTEL_*} variables (which would configure the child rather than
   * the test), plus {@code environment}; with the test's own java as {@code JAVA_HOME}.
   */
  static ChildProcess start(String name, List<String> command, Path directory,
      Map<String, String> environment, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().remove("MAVEN_OPTS");
    builder.environment().keySet().removeIf(variable -> variable.startsWith("OTEL_"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    return new ChildProcess(name, builder.start(), log);
  }

  /** The java the tests run on, for {@code java -jar}. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  Path log() {
    return log;
  }

  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits until the output has a match for {@code pattern} and returns it; fails if the process
   * ends first or {@code timeout} passes.
   */
  Matcher awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(output());
      if (matcher.find()) {
        return matcher;
      }
      if (!process.isAlive()) {
        fail(name + " exited with " + process.exitValue() + " before its output had \""
            + pattern + "\"; its output (" + log + "):\n" + output());
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return fail(name + " had no \"" + pattern + "\" in its output within " + timeout
        + "; its output (" + log + "):\n" + output());
  }

  /** Waits for the process to end by itself; kills it and fails after {@code timeout}. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      fail(name + " still running after " + timeout + "; killed. Its output (" + log + "):\n"
          + output());
    }
    return process.exitValue();
  }

  /**
   * Asks the process to end (SIGTERM, so a Spring Boot service shuts down gracefully and its
   * SDK exports what it still holds), and kills it if it has not ended within {@code timeout}.
   */
  void stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
