package dev.traced.bench;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.List;
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
 * What an unsampled span costs when its attributes are expensive ({@link SamplingWorkload}):
 * {@code eager} hand-written code that computes every attribute up front, {@code careful}
 * hand-written code that checks {@code isRecording()}, and {@code traced}. {@code sampler=off}
 * samples nothing; {@code sampler=on} records every span and drops it at the end.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SamplingBenchmark {

  @Param({"off", "on"})
  public String sampler;

  // Not final, so the JIT cannot fold the work away.
  private String id = "order-4711";
  private List<String> tags = List.of("gift", "express", "fragile", "priority");

  private SamplingWorkload workload;
  private OpenTelemetrySdk sdk;

  @Setup(Level.Trial)
  public void setUp() {
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setSampler(sampler.equals("on") ? Sampler.alwaysOn() : Sampler.alwaysOff())
            .addSpanProcessor(new DroppingSpanProcessor())
            .build())
        .build();
    TracedOpenTelemetry.set(sdk);
    workload = new SamplingWorkload(sdk.getTracer(TracedBenchmark.BENCH_SCOPE));
    int expected = workload.eager(id, tags);
    if (workload.careful(id, tags) != expected || workload.traced(id, tags) != expected) {
      throw new IllegalStateException("the three variants disagree");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    TracedOpenTelemetry.resetForTest();
    sdk.close();
  }

  @Benchmark
  public int eager() {
    return workload.eager(id, tags);
  }

  @Benchmark
  public int careful() {
    return workload.careful(id, tags);
  }

  @Benchmark
  public int traced() {
    return workload.traced(id, tags);
  }
}
