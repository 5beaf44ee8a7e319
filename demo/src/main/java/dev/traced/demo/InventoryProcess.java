package dev.traced.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inventory service as a child process: the same java, the same class path (the demo jar),
 * the command {@code inventory --port 0}. It inherits the environment, so the {@code OTEL_*}
 * variables apply to it too, and this JVM's {@code otel.*} system properties are passed on.
 */
final class InventoryProcess implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Pattern LISTENING = Pattern.compile("^inventory listening on (\\S+)$");

  private final Process process;
  private final URI uri;

  private InventoryProcess(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts the child and waits until it says where it listens. */
  static InventoryProcess start() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    System.getProperties().stringPropertyNames().stream()
        .filter(name -> name.startsWith("otel."))
        .sorted()
        .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of("inventory", "--port", "0"));

    // Its log lines (the console exporter's spans) go straight to this process's stderr; its
    // stdout is read here for the "listening" line, and copied to this stdout.
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    // If this JVM is stopped before close(), the child must not outlive it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "inventory-process-stop"));
    CompletableFuture<URI> listening = new CompletableFuture<>();
    Thread copier = new Thread(() -> copyStdout(process, listening), "inventory-stdout");
    copier.setDaemon(true);
    copier.start();
    try {
      URI uri = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new InventoryProcess(process, uri);
    } catch (ExecutionException | TimeoutException e) {
      stop(process);
      throw new IOException("the inventory service did not start: "
          + (e instanceof TimeoutException ? "no answer in " + START_TIMEOUT : e.getCause()), e);
    }
  }

  private static void copyStdout(Process process, CompletableFuture<URI> listening) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        System.out.println(line);
        Matcher matcher = LISTENING.matcher(line);
        if (matcher.matches()) {
          listening.complete(URI.create(matcher.group(1)));
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(e);
    }
    listening.completeExceptionally(new IOException("it exited before it took requests"));
  }

  URI uri() {
    return uri;
  }

  /**
   * Stops the child as a service is stopped: SIGTERM, so that its shutdown hook stops its server
   * and flushes its spans; killed if it has not exited after {@link #STOP_TIMEOUT}.
   */
  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
