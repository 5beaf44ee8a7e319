package dev.traced.bench;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * A recording SDK (the {@code recording} mode of {@link TracedBenchmark}: always on, spans built in
 * full and dropped) registered as the global either before the first call ({@code first}) or late
 * ({@code late}): after the measured method has run for {@link #UNBOUND} with nothing registered,
 * long enough for the JIT to compile it on the path without a span. Then the traced runtime binds
 * the global on its next call, and the measured method runs with the SDK, as in {@code first}.
 *
 * <p>The question: once bound, does a late registration cost anything that a registration before
 * the first call does not (a deoptimised or badly recompiled path)? {@code handWritten} is the
 * control: in {@code late} it also first runs on the no-op API (its history then matches
 * {@code traced}'s), then on the SDK's tracer.
 *
 * <p>{@link #setUp} checks that nothing was registered before the registration, that the traced
 * runtime sees it at once, and that the span the measured method starts is recording.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class LateGlobalBenchmark {

  /** How long the measured method runs before a late registration: one warm-up iteration. */
  static final Duration UNBOUND = Duration.ofSeconds(1);

  @Param({"first", "late"})
  public String registration;

  // Not final and not constants, so the JIT cannot fold the work away.
  private String id = "order-4711";
  private int count = 3;

  private Workload workload;
  private OpenTelemetrySdk sdk;

  /** Calls made before the registration, in {@code late}: for the tests. */
  long callsBeforeRegistration;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    setUp(benchmark.substring(benchmark.lastIndexOf('.') + 1), new DroppingSpanProcessor(),
        UNBOUND);
  }

  /**
   * Sets up {@link #registration} for the benchmark method {@code peer}, with {@code processor}
   * in the SDK (tests give one that keeps spans) and, in {@code late}, {@code unbound} of calls
   * before the registration.
   */
  void setUp(String peer, SpanProcessor processor, Duration unbound) {
    NoSdkBenchmark.checkNoSdk("before the first call");
    long expected = Workload.work(id, count);
    switch (registration) {
      case "first":
        break;
      case "late":
        // The measured method alone, on the no-op API (hand-written) or with no global (traced).
        Workload unregistered =
            new Workload(OpenTelemetry.noop().getTracer(TracedBenchmark.BENCH_SCOPE));
        long end = System.nanoTime() + unbound.toNanos();
        do {
          for (int i = 0; i < 1_000; i++) {
            if (call(unregistered, peer) != expected) {
              throw new IllegalStateException(peer + " returned another result");
            }
          }
          callsBeforeRegistration += 1_000;
        } while (System.nanoTime() < end);
        NoSdkBenchmark.checkNoSdk("after " + callsBeforeRegistration + " calls");
        break;
      default:
        throw new IllegalArgumentException("registration must be first or late, not "
            + registration);
    }

    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setSampler(Sampler.alwaysOn())
            .addSpanProcessor(processor)
            .build())
        .buildAndRegisterGlobal();
    workload = new Workload(sdk.getTracer(TracedBenchmark.BENCH_SCOPE));
    // The traced runtime must see the registration on its next call.
    Tracer tracer = TracedOpenTelemetry.tracer();
    if (tracer == null) {
      throw new IllegalStateException("the traced runtime did not see the registration");
    }
    Span probe = tracer.spanBuilder("bench.probe").startSpan();
    boolean recording = probe.isRecording();
    probe.end();
    if (!recording) {
      throw new IllegalStateException("the traced runtime's tracer does not record");
    }
    if (call(workload, peer) != expected) {
      throw new IllegalStateException(peer + " returned another result");
    }
  }

  private long call(Workload target, String peer) {
    switch (peer) {
      case "handWritten":
        return target.handWritten(id, count);
      case "traced":
        return target.traced(id, count);
      default:
        throw new IllegalArgumentException("no peer named " + peer);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
  }

  @Benchmark
  public long handWritten() {
    return workload.handWritten(id, count);
  }

  @Benchmark
  public long traced() {
    return workload.traced(id, count);
  }
}
