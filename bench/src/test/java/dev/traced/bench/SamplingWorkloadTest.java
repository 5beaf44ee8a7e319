package dev.traced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three variants of {@link SamplingWorkload} record the same span, so comparing them is fair. */
class SamplingWorkloadTest {

  @AfterEach
  void reset() {
    TracedOpenTelemetry.resetForTest();
  }

  @Test
  void allThreeRecordTheSameAttributes() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
        .build();
    TracedOpenTelemetry.set(sdk);
    SamplingWorkload workload = new SamplingWorkload(sdk.getTracer("test"));
    List<String> tags = List.of("a", "bb");

    assertThat(List.of(
            workload.eager("o", tags), workload.careful("o", tags), workload.traced("o", tags)))
        .containsOnly(3);

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(3).allSatisfy(span -> {
      assertThat(span.getName()).isEqualTo(SamplingWorkload.SPAN_NAME);
      Attributes own = span.getAttributes().toBuilder()
          .removeIf(key -> key.getKey().startsWith("code.")).build();
      assertThat(own).isEqualTo(Attributes.of(
          SamplingWorkload.ORDER_ID, "o",
          SamplingWorkload.TAGS, List.of("a", "bb"),
          SamplingWorkload.TAG_COUNT, 3L));
    });
  }
}
