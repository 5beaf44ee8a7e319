package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What samplers see, what a parent-based ratio sampler keeps, and what unsampled spans skip. */
class SamplingTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final Outcomes outcomes = new Outcomes();

  @AfterEach
  void reset() {
    TracedOpenTelemetry.resetForTest();
  }

  private void use(Sampler sampler) {
    TracedOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .setSampler(sampler)
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                    .build())
            .build());
  }

  @Test
  void samplersSeeTheAttributesKnownAtTheStart() {
    List<Attributes> seen = new CopyOnWriteArrayList<>();
    use(new Sampler() {
      @Override
      public SamplingResult shouldSample(
          Context parentContext, String traceId, String name, SpanKind spanKind,
          Attributes attributes, List<LinkData> parentLinks) {
        seen.add(attributes.toBuilder().build()); // the SDK hands over its live map
        return SamplingResult.recordAndSample();
      }

      @Override
      public String getDescription() {
        return "recording";
      }
    });

    outcomes.tagged(new Outcomes.Counted(List.of("t1", "t2")));

    assertThat(seen).singleElement().satisfies(attributes -> {
      assertThat(attributes.get(AttributeKey.stringKey("first"))).isEqualTo("t1");
      assertThat(attributes.get(AttributeKey.stringKey("code.function.name")))
          .isEqualTo("dev.traced.it.Outcomes.tagged");
      // Arrays are built after the decision, and the result is not known yet.
      assertThat(attributes.get(AttributeKey.stringArrayKey("tags"))).isNull();
      assertThat(attributes.get(AttributeKey.stringKey("result"))).isNull();
    });
    assertThat(exporter.getFinishedSpanItems().get(0).getAttributes().asMap())
        .containsEntry(AttributeKey.stringArrayKey("tags"), List.of("t1", "t2"))
        .containsEntry(AttributeKey.stringKey("result"), "tagged");
  }

  @Test
  void anUnsampledSpanSkipsArrayAndResultAttributes() {
    use(Sampler.alwaysOff());
    Outcomes.Counted counted = new Outcomes.Counted(List.of("t1"));

    assertThat(outcomes.tagged(counted)).isEqualTo("tagged");

    // Only first(), which the sampler needed; tags() was never read.
    assertThat(counted.reads()).isEqualTo(1);
    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aSampledSpanReadsEverything() {
    use(Sampler.alwaysOn());
    Outcomes.Counted counted = new Outcomes.Counted(List.of("t1"));
    outcomes.tagged(counted);
    assertThat(counted.reads()).isEqualTo(2);
  }

  @Test
  void parentBasedRatioKeepsWholeTracesAtAboutTheRatio() {
    use(Sampler.parentBased(Sampler.traceIdRatioBased(0.25)));
    int traces = 4000;
    for (int i = 0; i < traces; i++) {
      // find is the root; tagged runs inside it, so it follows its parent's decision.
      outcomes.batch(() -> outcomes.tagged(new Outcomes.Counted(List.of("t"))));
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    Map<String, List<SpanData>> byTrace =
        spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    // Whole traces or nothing: every kept trace has its root and its child.
    assertThat(byTrace.values()).allSatisfy(trace -> {
      assertThat(trace).extracting(SpanData::getName)
          .containsExactlyInAnyOrder("outcomes.tagged", "outcomes.batch");
      SpanData root = trace.stream().filter(s -> s.getName().equals("outcomes.batch")).findFirst()
          .orElseThrow();
      SpanData child = trace.stream().filter(s -> s.getName().equals("outcomes.tagged"))
          .findFirst().orElseThrow();
      assertThat(child.getParentSpanId()).isEqualTo(root.getSpanId());
    });
    // 0.25 of 4,000 random trace ids: 1,000 expected, standard deviation about 27.
    assertThat(byTrace.size()).isBetween(850, 1150);
    Set<String> names = spans.stream().map(SpanData::getName).collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrder("outcomes.batch", "outcomes.tagged");
  }
}
