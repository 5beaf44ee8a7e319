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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Cost of one call of the same small method ({@link Workload#work}) with the same span (name
 * {@code bench.work}, attributes {@code bench.order.id} and {@code bench.items} from the
 * parameters), made by each way of getting it that runs in an ordinary JVM:
 *
 * <ul>
 *   <li>{@code plain}: no span, the floor;
 *   <li>{@code handWritten}: OpenTelemetry code written by hand, the limit;
 *   <li>{@code traced}: {@code @Traced}, woven at build time;
 *   <li>{@code springWithSpan}: {@code @WithSpan}/{@code @SpanAttribute} through OpenTelemetry's
 *       Spring AOP aspect and a Spring proxy;
 *   <li>{@code micrometerObserved}: Micrometer {@code @Observed} through its {@code
 *       ObservedAspect} and a Spring proxy, bridged to OpenTelemetry by micrometer-tracing.
 * </ul>
 *
 * <p>{@code @WithSpan} under the java agent needs the agent in the JVM: {@link AgentBenchmark}.
 *
 * <p>{@code sdk}, the same for every peer:
 *
 * <ul>
 *   <li>{@code noop}: no SDK. Nothing registered as the global; the hand-written code and both
 *       Spring peers run on {@code OpenTelemetry.noop()}; the woven code finds no global and runs
 *       the method without a span.
 *   <li>{@code recording}: an SDK that samples every span ({@code Sampler.alwaysOn()}), builds it
 *       in full and drops it when it ends ({@link DroppingSpanProcessor}), registered as the
 *       global and given to every peer.
 *   <li>{@code unsampled}: the same SDK with {@code Sampler.alwaysOff()}: every span is decided
 *       not sampled and not recorded.
 * </ul>
 *
 * <p>JMH forks a JVM for each benchmark and {@code sdk}, and {@link #setUp} builds only the peer
 * that fork measures, so no JVM ever runs another peer's code (its classes would change what the
 * JIT sees at shared call sites).
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

  @Param({"noop", "recording", "unsampled"})
  public String sdk;

  // Not final and not constants, so the JIT cannot fold the work away.
  private String id = "order-4711";
  private int count = 3;

  private Workload workload;
  private OpenTelemetrySdk openTelemetrySdk;
  private Peers.Proxied<WithSpanWorkload> springWithSpan;
  private Peers.Proxied<ObservedWorkload> micrometerObserved;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    String benchmark = params.getBenchmark();
    setUp(benchmark.substring(benchmark.lastIndexOf('.') + 1));
  }

  /** Sets up the mode {@link #sdk} and the peer {@code peer} (a benchmark method's name). */
  void setUp(String peer) {
    OpenTelemetry openTelemetry;
    switch (sdk) {
      case "noop":
        // Nothing registered: what an application without an SDK runs on.
        openTelemetry = OpenTelemetry.noop();
        break;
      case "recording":
      case "unsampled":
        openTelemetrySdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                .setSampler(sdk.equals("recording") ? Sampler.alwaysOn() : Sampler.alwaysOff())
                .addSpanProcessor(new DroppingSpanProcessor())
                .build())
            .buildAndRegisterGlobal();
        openTelemetry = openTelemetrySdk;
        break;
      default:
        throw new IllegalArgumentException(
            "sdk must be noop, recording or unsampled, not " + sdk);
    }
    boolean registered = openTelemetrySdk != null;
    boolean recording = sdk.equals("recording");
    Tracer tracer = openTelemetry.getTracer(BENCH_SCOPE);
    workload = new Workload(tracer);
    check("hand-written tracer", tracer, recording);
    if (GlobalOpenTelemetry.isSet() != registered) {
      throw new IllegalStateException("global OpenTelemetry set = " + GlobalOpenTelemetry.isSet()
          + " in mode " + sdk);
    }

    long expected = workload.plain(id, count);
    long actual;
    switch (peer) {
      case "plain":
        actual = plain();
        break;
      case "handWritten":
        actual = handWritten();
        break;
      case "traced":
        // The traced runtime finds a registered global on its first call and caches it; make
        // that first call here, and check that it uses the mode this trial asked for.
        Tracer tracedTracer = TracedOpenTelemetry.tracer();
        if (registered) {
          check("traced runtime tracer", tracedTracer, recording);
        } else if (tracedTracer != null) {
          // With nothing registered the woven code skips the span: no tracer to build one with.
          throw new IllegalStateException("traced runtime found a tracer in mode " + sdk);
        }
        actual = traced();
        break;
      case "springWithSpan":
        springWithSpan = Peers.springWithSpan(openTelemetry);
        actual = springWithSpan();
        break;
      case "micrometerObserved":
        micrometerObserved = Peers.micrometerObserved(openTelemetry);
        actual = micrometerObserved();
        break;
      default:
        throw new IllegalArgumentException("no peer named " + peer);
    }
    // Same result as the unwrapped method, so none of them is doing something else.
    if (actual != expected) {
      throw new IllegalStateException(peer + " returned " + actual + ", not " + expected);
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
    if (springWithSpan != null) {
      springWithSpan.context().close();
    }
    if (micrometerObserved != null) {
      micrometerObserved.context().close();
    }
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

  @Benchmark
  public long springWithSpan() {
    return springWithSpan.bean().work(id, count);
  }

  @Benchmark
  public long micrometerObserved() {
    return micrometerObserved.bean().work(id, count);
  }
}
