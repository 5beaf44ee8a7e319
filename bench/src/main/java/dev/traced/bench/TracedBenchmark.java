package dev.traced.bench;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one call of {@link Workload}'s method unwrapped ({@code plain}), wrapped by hand
 * ({@code handWritten}) and wrapped by the woven {@code @Traced} aspect ({@code traced}).
 *
 * <p>{@code sdk=noop}: no SDK and no global registered. The hand-written path runs on the
 * OpenTelemetry API's no-op tracer, as code written against the API does; the woven path knows
 * nothing is registered and runs the method without building a no-op span. {@code sdk=recording}: an SDK that samples every span
 * and drops it when it ends is registered as the global, and the hand-written path takes its
 * tracer from that same SDK. JMH forks a JVM per benchmark and parameter value, so each JVM sees
 * one mode only.
 *
 * <p>The defaults below are the ones used for docs/benchmarks.md; override them on the command
 * line ({@code -f -wi -w -i -r}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TracedBenchmark {

  /** Instrumentation scope of the hand-written path's tracer. */
  static final String BENCH_SCOPE = "dev.traced.bench";

  @Param({"noop", "recording"})
  public String sdk;

  // Not final and not constants, so the JIT cannot fold the work away.
  private String id = "order-4711";
  private int count = 3;

  private Workload workload;
  private OpenTelemetrySdk openTelemetrySdk;

  @Setup(Level.Trial)
  public void setUp() {
    OpenTelemetry openTelemetry;
    boolean recording;
    switch (sdk) {
      case "noop":
        // Nothing registered: what an application without an SDK runs on.
        openTelemetry = OpenTelemetry.noop();
        recording = false;
        break;
      case "recording":
        openTelemetrySdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .setSampler(Sampler.alwaysOn())
                .addSpanProcessor(new DroppingSpanProcessor())
                .build())
            .buildAndRegisterGlobal();
        openTelemetry = openTelemetrySdk;
        recording = true;
        break;
      default:
        throw new IllegalArgumentException("sdk must be noop or recording, not " + sdk);
    }
    Tracer tracer = openTelemetry.getTracer(BENCH_SCOPE);
    workload = new Workload(tracer);

    // The traced runtime finds a registered global on its first call and caches it; make that
    // first call here, and check that both wrapped paths use the mode this trial asked for.
    check("hand-written tracer", tracer, recording);
    Tracer tracedTracer = TracedOpenTelemetry.tracer();
    if (recording) {
      check("traced runtime tracer", tracedTracer, true);
    } else if (tracedTracer != null) {
      // With nothing registered the woven code skips the span: no tracer to build a no-op with.
      throw new IllegalStateException("traced runtime found a tracer in mode " + sdk);
    }
    if (GlobalOpenTelemetry.isSet() != recording) {
      throw new IllegalStateException("global OpenTelemetry set = " + GlobalOpenTelemetry.isSet()
          + " in mode " + sdk);
    }
    // Same result from all three, so none of them is doing something else.
    long expected = workload.plain(id, count);
    if (workload.handWritten(id, count) != expected || workload.traced(id, count) != expected) {
      throw new IllegalStateException("the three variants disagree");
    }
  }

  private static void check(String what, Tracer tracer, boolean recording) {
    Span probe = tracer.spanBuilder("bench.probe").startSpan();
    boolean isRecording = probe.isRecording();
    probe.end();
    if (isRecording != recording) {
      throw new IllegalStateException(what + " recording = " + isRecording
          + ", expected " + recording);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (openTelemetrySdk != null) {
      openTelemetrySdk.close();
    }
  }

  @Benchmark
  public long plain() {
    return workload.plain(id, count);
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
