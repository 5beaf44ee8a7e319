package dev.traced.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which OpenTelemetry traced uses, and when it notices one. Runs on every opentelemetry-api
 * version of the build's matrix, so it asks nothing of the API that its floor lacks (no {@code
 * GlobalOpenTelemetry.isSet()}).
 */
class TracedOpenTelemetryTest {

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

  @BeforeEach
  @AfterEach
  void forgetEverything() {
    GlobalOpenTelemetry.resetForTest();
    TracedOpenTelemetry.resetForTest();
  }

  @Test
  void withoutAGlobalThereIsNoTracerAndTheGlobalStaysFreeToRegister() {
    for (int i = 0; i < 1_000; i++) {
      assertThat(TracedOpenTelemetry.tracer()).isNull();
    }
    // Had traced called GlobalOpenTelemetry.get(), the global would be a no-op now and this throw.
    sdk(exporter).buildAndRegisterGlobal();
  }

  @Test
  void exactlyTheCallsAfterALateRegistrationMakeSpans() {
    for (int i = 0; i < 1_000; i++) {
      span("before");
    }
    sdk(exporter).buildAndRegisterGlobal();
    for (int i = 0; i < 3; i++) {
      span("after");
    }

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("after", "after", "after");
  }

  /**
   * Threads call traced all along; each notes whether the registration had happened before its
   * call (a volatile flag written after {@code buildAndRegisterGlobal()} returns). Every call that
   * began after the registration must have had a tracer.
   */
  @Test
  void noThreadMissesTheRegistration() throws InterruptedException {
    int threads = 8;
    CountDownLatch running = new CountDownLatch(threads);
    AtomicInteger missedAfterRegistration = new AtomicInteger();
    AtomicInteger spansAfterRegistration = new AtomicInteger();
    Registration registration = new Registration();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread caller = new Thread(() -> {
        running.countDown();
        int afterCalls = 0;
        while (afterCalls < 1_000) {
          boolean registered = registration.done;
          Tracer tracer = TracedOpenTelemetry.tracer();
          if (registered) {
            afterCalls++;
            if (tracer == null) {
              missedAfterRegistration.incrementAndGet();
            } else {
              tracer.spanBuilder("after").startSpan().end();
              spansAfterRegistration.incrementAndGet();
            }
          }
        }
      });
      callers.add(caller);
      caller.start();
    }
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(20); // let the callers spin without a global first
    sdk(exporter).buildAndRegisterGlobal();
    registration.done = true;
    for (Thread caller : callers) {
      caller.join(10_000);
      assertThat(caller.isAlive()).isFalse();
    }

    assertThat(missedAfterRegistration).hasValue(0);
    assertThat(spansAfterRegistration).hasValue(threads * 1_000);
    assertThat(exporter.getFinishedSpanItems()).hasSize(threads * 1_000);
  }

  @Test
  void aGlobalRegisteredBeforeTheFirstCallIsUsedAtOnce() {
    sdk(exporter).buildAndRegisterGlobal();
    span("first");
    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("first");
  }

  @Test
  void aReplacedGlobalIsNoticedOnTheNextCall() {
    sdk(exporter).buildAndRegisterGlobal();
    span("first");

    InMemorySpanExporter second = InMemorySpanExporter.create();
    GlobalOpenTelemetry.resetForTest();
    span("while reset");
    sdk(second).buildAndRegisterGlobal();
    span("second");

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("first");
    assertThat(second.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("second");
  }

  @Test
  void anInstanceGivenToSetWinsOverTheGlobalUntilCleared() {
    InMemorySpanExporter global = InMemorySpanExporter.create();
    sdk(global).buildAndRegisterGlobal();
    OpenTelemetry explicit = sdk(exporter).build();
    TracedOpenTelemetry.set(explicit);
    span("explicit");

    TracedOpenTelemetry.clear(sdk(InMemorySpanExporter.create()).build()); // not the one in use
    span("still explicit");
    TracedOpenTelemetry.clear(explicit);
    span("global");

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("explicit", "still explicit");
    assertThat(global.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("global");
  }

  @Test
  void anInstanceGivenToSetIsUsedWithoutAnyGlobal() {
    TracedOpenTelemetry.set(sdk(exporter).build());
    span("explicit");
    TracedOpenTelemetry.resetForTest();
    span("after reset");

    assertThat(exporter.getFinishedSpanItems()).extracting(SpanData::getName)
        .containsExactly("explicit");
  }

  @Test
  void spansCarryTracedAsInstrumentationScopeWithItsVersion() {
    TracedOpenTelemetry.set(sdk(exporter).build());
    span("scoped");

    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
    assertThat(span.getInstrumentationScopeInfo().getVersion())
        .isEqualTo(System.getProperty("traced.expectedVersion"))
        .doesNotContain("${");
  }

  /** What a generated aspect does: a span only when there is a tracer. */
  private static void span(String name) {
    Tracer tracer = TracedOpenTelemetry.tracer();
    if (tracer != null) {
      tracer.spanBuilder(name).startSpan().end();
    }
  }

  private static final class Registration {
    volatile boolean done;
  }

  private static io.opentelemetry.sdk.OpenTelemetrySdkBuilder sdk(InMemorySpanExporter exporter) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build());
  }
}
