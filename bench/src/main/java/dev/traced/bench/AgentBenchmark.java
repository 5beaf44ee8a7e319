package dev.traced.bench;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@link WithSpanWorkload} ({@code @WithSpan} and two {@code @SpanAttribute}s) instrumented by the
 * OpenTelemetry java agent, in forks started with {@code -javaagent}. The agent brings its own SDK,
 * configured by system properties, and those are read when the JVM starts: so each mode of {@link
 * TracedBenchmark}'s {@code sdk} is a benchmark method here with its own fork options, not a
 * {@code @Param}.
 *
 * <ul>
 *   <li>{@link #sdkDisabled}: {@code otel.sdk.disabled=true}, the documented way to run without an
 *       SDK. The agent (2.23.0, and 2.31.1 too) still instruments the method and still records
 *       its span: the SDK it builds when disabled has no span processor, but samples and records
 *       every span (the probe in {@link #setUp} sees a valid, sampled span). There is no setting that puts the
 *       agent's instrumentation on a no-op API; this is the closest to "no SDK".
 *   <li>{@link #agentOff}: {@code otel.javaagent.enabled=false}: the agent is attached but
 *       installs no instrumentation at all, so the method runs as a plain call. For reference.
 *   <li>{@link #recording}: sampler {@code always_on}, no exporter ({@code
 *       otel.traces.exporter=none}): the SDK builds every span in full and hands it to no span
 *       processor, as {@link DroppingSpanProcessor} does in the other forks.
 *   <li>{@link #unsampled}: sampler {@code always_off}.
 * </ul>
 *
 * <p>In every mode metrics and logs export nothing, and the agent's default span processor that
 * adds {@code thread.id} and {@code thread.name} to every span is turned off ({@code
 * otel.javaagent.add-thread-details=false}), so that its SDK does what the others' does. What the
 * agent still adds: the {@code code.*} attributes of its {@code @WithSpan} instrumentation.
 *
 * <p>The agent jar is {@value #AGENT_JAR}, relative to the working directory: run JMH from the
 * repository root. Nothing else runs in these forks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AgentBenchmark {

  /** Where the build copies the agent (bench/pom.xml), from the repository root. */
  static final String AGENT_JAR = "bench/target/agent/opentelemetry-javaagent.jar";

  private static final String JAVAAGENT = "-javaagent:" + AGENT_JAR;
  private static final String SERVICE = "-Dotel.service.name=traced-bench";
  private static final String NO_TRACES = "-Dotel.traces.exporter=none";
  private static final String NO_METRICS = "-Dotel.metrics.exporter=none";
  private static final String NO_LOGS = "-Dotel.logs.exporter=none";
  private static final String NO_THREAD_DETAILS = "-Dotel.javaagent.add-thread-details=false";

  // Not final and not constants, so the JIT cannot fold the work away.
  private String id = "order-4711";
  private int count = 3;

  private final WithSpanWorkload workload = new WithSpanWorkload();

  /** A second {@code @WithSpan} method, called only by {@link #setUp}, to see the span it gets. */
  public static class Probe {
    @WithSpan("bench.probe")
    public SpanContext spanContext() {
      return Span.current().getSpanContext();
    }
  }

  /**
   * Checks that the agent is attached and set up as the benchmark's name says: the span context
   * inside a {@code @WithSpan} method is invalid (agent off), valid and sampled (recording, and
   * SDK disabled: see the class comment) or valid and not sampled (unsampled).
   */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    boolean attached = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .anyMatch(argument -> argument.startsWith("-javaagent:"));
    if (!attached) {
      throw new IllegalStateException("not started with -javaagent: run with the agent's fork"
          + " options (AgentBenchmark's @Fork), from the repository root");
    }
    String mode = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
    SpanContext probe = new Probe().spanContext();
    boolean ok;
    switch (mode) {
      case "agentOff":
        ok = !probe.isValid();
        break;
      case "sdkDisabled":
      case "recording":
        ok = probe.isValid() && probe.isSampled();
        break;
      case "unsampled":
        ok = probe.isValid() && !probe.isSampled();
        break;
      default:
        throw new IllegalArgumentException("no mode " + mode);
    }
    if (!ok) {
      throw new IllegalStateException("mode " + mode + ": the @WithSpan probe saw " + probe
          + "; is the agent instrumenting?");
    }
    if (workload.work(id, count) != Workload.work(id, count)) {
      throw new IllegalStateException("@WithSpan method returned a different result");
    }
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = {JAVAAGENT, SERVICE, NO_TRACES, NO_METRICS, NO_LOGS,
      NO_THREAD_DETAILS, "-Dotel.sdk.disabled=true"})
  public long sdkDisabled() {
    return workload.work(id, count);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = {JAVAAGENT, SERVICE, NO_TRACES, NO_METRICS, NO_LOGS,
      NO_THREAD_DETAILS, "-Dotel.javaagent.enabled=false"})
  public long agentOff() {
    return workload.work(id, count);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = {JAVAAGENT, SERVICE, NO_TRACES, NO_METRICS, NO_LOGS,
      NO_THREAD_DETAILS, "-Dotel.traces.sampler=always_on"})
  public long recording() {
    return workload.work(id, count);
  }

  @Benchmark
  @Fork(value = 2, jvmArgsAppend = {JAVAAGENT, SERVICE, NO_TRACES, NO_METRICS, NO_LOGS,
      NO_THREAD_DETAILS, "-Dotel.traces.sampler=always_off"})
  public long unsampled() {
    return workload.work(id, count);
  }
}
