package dev.traced.bench;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

/**
 * The smallest faithful stand-in for the demo, for measuring start-up: set up OpenTelemetry, make
 * one traced call, export its span, exit. Run by {@link StartupHarness} (bench/startup/run.sh).
 *
 * <ul>
 *   <li>{@code traced}: as the demo does it, SDK autoconfigure ({@code OTEL_*}/{@code otel.*}
 *       settings) registered as the global, then {@link Workload#traced} (woven {@code @Traced}).
 *   <li>{@code withSpan}: {@link WithSpanWorkload#work} ({@code @WithSpan}); the JVM is started with
 *       the OpenTelemetry java agent, which sets up its SDK from the same settings.
 * </ul>
 *
 * <p>With the console exporter ({@code otel.traces.exporter=console}) both SDKs export through a
 * simple span processor: the span is logged (to standard error) when it ends.
 */
public final class StartupApp {

  private StartupApp() {}

  public static void main(String[] args) {
    String mode = args.length == 1 ? args[0] : "";
    switch (mode) {
      case "traced":
        TracedRun.run();
        break;
      case "withSpan":
        // The agent exports the span when it ends, and flushes at exit.
        new WithSpanWorkload().work("order-1", 3);
        break;
      default:
        System.err.println("usage: StartupApp traced|withSpan");
        System.exit(2);
    }
  }

  /** In its own class, so the {@code withSpan} run never loads the SDK classes. */
  private static final class TracedRun {
    static void run() {
      try (OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
          .setResultAsGlobal()
          .build()
          .getOpenTelemetrySdk()) {
        new Workload(sdk.getTracer(TracedBenchmark.BENCH_SCOPE)).traced("order-1", 3);
      }
    }
  }
}
