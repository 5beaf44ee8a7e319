package dev.traced.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TracedOpenTelemetryTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  @BeforeEach
  @AfterEach
  void forgetEverything() {
    GlobalOpenTelemetry.resetForTest();
    TracedOpenTelemetry.resetForTest();
  }

  @Test
  void withoutAGlobalSpansAreNoopsAndTheGlobalStaysUnset() {
    for (int i = 0; i < 10 * TracedOpenTelemetry.GLOBAL_CHECK_INTERVAL; i++) {
      Span span = TracedOpenTelemetry.tracer().spanBuilder("nothing").startSpan();
      assertThat(span.getSpanContext().isValid()).isFalse();
      span.end();
    }
    assertThat(GlobalOpenTelemetry.isSet()).isFalse();
  }

  @Test
  void aGlobalRegisteredLaterIsUsedWithinOneCheckInterval() {
    for (int i = 0; i < 5; i++) {
      TracedOpenTelemetry.tracer().spanBuilder("before").startSpan().end();
    }
    sdk().buildAndRegisterGlobal(); // must not throw: traced never fixed the global

    for (int i = 0; i < TracedOpenTelemetry.GLOBAL_CHECK_INTERVAL; i++) {
      TracedOpenTelemetry.tracer().spanBuilder("after").startSpan().end();
    }
    assertThat(exporter.getFinishedSpanItems()).isNotEmpty().allSatisfy(
        span -> assertThat(span.getName()).isEqualTo("after"));
    int recordedAfterSwitch = exporter.getFinishedSpanItems().size();
    TracedOpenTelemetry.tracer().spanBuilder("after").startSpan().end();
    assertThat(exporter.getFinishedSpanItems()).hasSize(recordedAfterSwitch + 1);
  }

  @Test
  void aGlobalRegisteredBeforeTheFirstCallIsUsedAtOnce() {
    sdk().buildAndRegisterGlobal();
    TracedOpenTelemetry.tracer().spanBuilder("first").startSpan().end();
    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("first");
  }

  @Test
  void aReplacedGlobalIsNoticedOnTheNextCall() {
    sdk().buildAndRegisterGlobal();
    TracedOpenTelemetry.tracer().spanBuilder("first").startSpan().end();

    InMemorySpanExporter second = InMemorySpanExporter.create();
    GlobalOpenTelemetry.resetForTest();
    OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(second)).build())
        .buildAndRegisterGlobal();
    TracedOpenTelemetry.tracer().spanBuilder("second").startSpan().end();

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("first");
    assertThat(second.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("second");
  }

  @Test
  void anExplicitInstanceWinsOverTheGlobalUntilReset() {
    InMemorySpanExporter global = InMemorySpanExporter.create();
    OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(global)).build())
        .buildAndRegisterGlobal();
    TracedOpenTelemetry.set(sdk().build());

    TracedOpenTelemetry.tracer().spanBuilder("explicit").startSpan().end();
    TracedOpenTelemetry.resetForTest();
    TracedOpenTelemetry.tracer().spanBuilder("global").startSpan().end();

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("explicit");
    assertThat(global.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("global");
  }

  @Test
  void spansCarryTracedAsInstrumentationScopeWithItsVersion() {
    TracedOpenTelemetry.set(sdk().build());
    TracedOpenTelemetry.tracer().spanBuilder("scoped").startSpan().end();

    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
    assertThat(span.getInstrumentationScopeInfo().getVersion())
        .isEqualTo(System.getProperty("traced.expectedVersion"))
        .doesNotContain("${");
  }

  private io.opentelemetry.sdk.OpenTelemetrySdkBuilder sdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build());
  }
}
