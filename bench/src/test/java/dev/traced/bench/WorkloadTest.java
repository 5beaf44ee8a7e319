package dev.traced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Checks, without running JMH, that the benchmark compares like with like: the woven {@code traced}
 * and the hand-written variant emit the same span, and every benchmark mode sets up and runs.
 */
class WorkloadTest {

  @AfterEach
  void reset() {
    TracedOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void tracedAndHandWrittenEmitTheSameSpan() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build())
        .build()) {
      TracedOpenTelemetry.set(sdk);
      Workload workload = new Workload(sdk.getTracer(TracedBenchmark.BENCH_SCOPE));

      long plain = workload.plain("order-1", 3);
      assertThat(exporter.getFinishedSpanItems()).isEmpty();
      assertThat(workload.handWritten("order-1", 3)).isEqualTo(plain);
      assertThat(workload.traced("order-1", 3)).isEqualTo(plain);

      List<SpanData> spans = exporter.getFinishedSpanItems();
      assertThat(spans).hasSize(2);
      SpanData handWritten = spans.get(0);
      SpanData traced = spans.get(1);
      assertThat(traced.getName()).isEqualTo(Workload.SPAN_NAME).isEqualTo(handWritten.getName());
      assertThat(traced.getKind()).isEqualTo(handWritten.getKind());
      assertThat(traced.getAttributes()).isEqualTo(handWritten.getAttributes());
      assertThat(traced.getAttributes().get(Workload.ORDER_ID)).isEqualTo("order-1");
      assertThat(traced.getAttributes().get(Workload.ITEMS)).isEqualTo(3L);
      assertThat(traced.getStatus()).isEqualTo(handWritten.getStatus());
      assertThat(traced.getParentSpanContext()).isEqualTo(handWritten.getParentSpanContext());
    }
  }

  @Test
  void everyModeSetsUpAndRuns() {
    for (String mode : new String[] {"noop", "recording"}) {
      TracedBenchmark benchmark = new TracedBenchmark();
      benchmark.sdk = mode;
      benchmark.setUp();
      try {
        assertThat(benchmark.traced()).isEqualTo(benchmark.plain());
        assertThat(benchmark.handWritten()).isEqualTo(benchmark.plain());
      } finally {
        benchmark.tearDown();
        reset();
      }
    }
  }
}
