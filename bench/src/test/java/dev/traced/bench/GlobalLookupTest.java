package dev.traced.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks, without running JMH, that {@link NoSdkBenchmark} and {@link LateGlobalBenchmark} measure
 * what they claim: no global and no span in the no-SDK benchmark, on one thread and on several;
 * spans from the very next call after a late registration, and none before it.
 */
class GlobalLookupTest {

  private static final long EXPECTED = Workload.work("order-4711", 3);

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  /** The SDK {@link #register} registered, if any. */
  private OpenTelemetrySdk registered;

  @AfterEach
  void reset() {
    if (registered != null) {
      registered.close();
    }
    TracedOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void noSdkBenchmarkRunsWithoutGlobalOrTracerOnOneThreadAndOnSeveral() throws Exception {
    NoSdkBenchmark benchmark = new NoSdkBenchmark();
    benchmark.setUp();
    for (int i = 0; i < 10_000; i++) {
      assertThat(benchmark.traced()).isEqualTo(EXPECTED);
      assertThat(benchmark.handWritten()).isEqualTo(EXPECTED);
    }
    ExecutorService threads = Executors.newFixedThreadPool(NoSdkBenchmark.THREADS);
    try {
      List<Callable<Long>> calls = new ArrayList<>();
      for (int t = 0; t < NoSdkBenchmark.THREADS; t++) {
        calls.add(() -> {
          long sum = 0;
          for (int i = 0; i < 10_000; i++) {
            sum += benchmark.tracedOnThreads() - EXPECTED;
            sum += benchmark.handWrittenOnThreads() - EXPECTED;
          }
          return sum;
        });
      }
      for (Future<Long> result : threads.invokeAll(calls)) {
        assertThat(result.get()).isZero();
      }
    } finally {
      threads.shutdown();
    }
    benchmark.tearDown();

    // Nothing registered, and traced did not fix the global either: the runtime has no tracer,
    // so the woven code ran the method without a span.
    assertThat(GlobalOpenTelemetry.isSet()).isFalse();
    assertThat(TracedOpenTelemetry.tracer()).isNull();
    // None of those calls made a span that a registration could still receive; the next one does.
    register();
    assertThat(exporter.getFinishedSpanItems()).isEmpty();
    assertThat(benchmark.traced()).isEqualTo(EXPECTED);
    assertThat(exporter.getFinishedSpanItems()).hasSize(1);
  }

  @Test
  void noSdkBenchmarkRefusesToRunWithAGlobal() {
    register();
    assertThatThrownBy(() -> new NoSdkBenchmark().setUp())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("registered");
  }

  @Test
  void lateRegistrationIsUsedFromTheNextCallAndNotBefore() {
    LateGlobalBenchmark benchmark = new LateGlobalBenchmark();
    benchmark.registration = "late";
    benchmark.setUp("traced", SimpleSpanProcessor.create(exporter), Duration.ofMillis(50));

    // The calls before the registration made no span; setUp's own call after it made one.
    assertThat(benchmark.callsBeforeRegistration).isGreaterThanOrEqualTo(1_000);
    assertThat(spanNames()).containsExactly("bench.probe", "bench.work");
    exporter.reset();

    for (int i = 0; i < 3; i++) {
      assertThat(benchmark.traced()).isEqualTo(EXPECTED);
    }
    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(3).allSatisfy(span -> {
      assertThat(span.getName()).isEqualTo(Workload.SPAN_NAME);
      assertThat(span.getAttributes().get(Workload.ORDER_ID)).isEqualTo("order-4711");
      assertThat(span.getAttributes().get(Workload.ITEMS)).isEqualTo(3L);
    });
    benchmark.tearDown();
  }

  @Test
  void handWrittenRunsOnTheNoopApiBeforeALateRegistrationAndOnTheSdkAfter() {
    LateGlobalBenchmark benchmark = new LateGlobalBenchmark();
    benchmark.registration = "late";
    benchmark.setUp("handWritten", SimpleSpanProcessor.create(exporter), Duration.ofMillis(50));
    assertThat(spanNames()).containsExactly("bench.probe", "bench.work");
    exporter.reset();

    assertThat(benchmark.handWritten()).isEqualTo(EXPECTED);
    assertThat(spanNames()).containsExactly("bench.work");
    benchmark.tearDown();
  }

  @Test
  void firstRegistrationMakesNoCallBeforeIt() {
    LateGlobalBenchmark benchmark = new LateGlobalBenchmark();
    benchmark.registration = "first";
    benchmark.setUp("traced", SimpleSpanProcessor.create(exporter), Duration.ofMillis(50));
    assertThat(benchmark.callsBeforeRegistration).isZero();
    assertThat(spanNames()).containsExactly("bench.probe", "bench.work");
    benchmark.tearDown();
  }

  private void register() {
    registered = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build())
        .buildAndRegisterGlobal();
  }

  private List<String> spanNames() {
    return exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList();
  }
}
