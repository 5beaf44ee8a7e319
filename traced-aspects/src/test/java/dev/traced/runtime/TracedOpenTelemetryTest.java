package dev.traced.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
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
  void withoutAGlobalThereIsNoTracerAndTheGlobalStaysUnset() {
    for (int i = 0; i < 10 * TracedOpenTelemetry.GLOBAL_CHECK_INTERVAL; i++) {
      assertThat(TracedOpenTelemetry.tracer()).isNull();
    }
    assertThat(GlobalOpenTelemetry.isSet()).isFalse();
  }

  @Test
  void aGlobalRegisteredLaterIsFoundAfterAFewCalls() {
    for (int i = 0; i < 5; i++) {
      assertThat(TracedOpenTelemetry.tracer()).isNull();
    }
    sdk().buildAndRegisterGlobal(); // must not throw: traced never fixed the global

    // Each call looks with probability 1/64: 2,000 calls all missing it has odds below 1e-13.
    int calls = 0;
    while (TracedOpenTelemetry.tracer() == null && calls < 2_000) {
      calls++;
    }
    assertThat(calls).isLessThan(2_000);
    // Found once, it stays: every later call records.
    for (int i = 0; i < 100; i++) {
      TracedOpenTelemetry.tracer().spanBuilder("after").startSpan().end();
    }
    assertThat(exporter.getFinishedSpanItems()).hasSize(100);
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
