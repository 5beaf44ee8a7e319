package dev.traced.bench;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * No SDK at all, on one thread and on {@value #THREADS}: {@link Workload#traced} against the same
 * span written by hand on the no-op API ({@code OpenTelemetry.noop()}), and the unwrapped method.
 *
 * <p>Nothing is registered as the global OpenTelemetry, so the traced runtime looks for one on
 * every call (a registration may come at any time) and, finding none, the woven code runs the
 * method without a span. That look is what this benchmark prices: it must cost no more than the
 * no-op span the hand-written code builds, on one thread and on several (a look that locked or
 * wrote shared state would show on several).
 *
 * <p>The thread counts are fixed per method ({@code @Threads}), so one JMH run measures both: do
 * not pass {@code -t}, which would override them. {@link #setUp} and {@link #tearDown} check that
 * no global was registered before or after the run and that the runtime has no tracer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(3)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class NoSdkBenchmark {

  /** "Several threads": twice the cores of the 2-core machine the results were taken on. */
  static final int THREADS = 4;

  // Not final and not constants, so the JIT cannot fold the work away. Only read, so the
  // threads share nothing that is written.
  private String id = "order-4711";
  private int count = 3;

  private Workload workload;

  @Setup(Level.Trial)
  public void setUp() {
    checkNoSdk("before the first call");
    // What an application without an SDK runs hand-written code on.
    workload = new Workload(OpenTelemetry.noop().getTracer(TracedBenchmark.BENCH_SCOPE));
    long expected = workload.plain(id, count);
    if (workload.handWritten(id, count) != expected || workload.traced(id, count) != expected) {
      throw new IllegalStateException("a wrapped variant returned another result");
    }
    checkNoSdk("after the first calls");
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    checkNoSdk("after the run");
  }

  /**
   * Throws unless nothing is registered as the global and the traced runtime has no tracer, so
   * that the woven code skips the span. {@code isSet()} takes the global's lock: setup only.
   */
  static void checkNoSdk(String when) {
    if (GlobalOpenTelemetry.isSet()) {
      throw new IllegalStateException("a global OpenTelemetry is registered " + when);
    }
    if (TracedOpenTelemetry.tracer() != null) {
      throw new IllegalStateException("the traced runtime has a tracer " + when);
    }
  }

  @Benchmark
  @Threads(1)
  public long plain() {
    return workload.plain(id, count);
  }

  @Benchmark
  @Threads(1)
  public long handWritten() {
    return workload.handWritten(id, count);
  }

  @Benchmark
  @Threads(1)
  public long traced() {
    return workload.traced(id, count);
  }

  @Benchmark
  @Threads(THREADS)
  public long plainOnThreads() {
    return workload.plain(id, count);
  }

  @Benchmark
  @Threads(THREADS)
  public long handWrittenOnThreads() {
    return workload.handWritten(id, count);
  }

  @Benchmark
  @Threads(THREADS)
  public long tracedOnThreads() {
    return workload.traced(id, count);
  }
}
