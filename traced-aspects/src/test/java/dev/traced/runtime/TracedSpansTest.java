package dev.traced.runtime;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

class TracedSpansTest {

  @Test
  void recordsTheExceptionItsTypeAndErrorStatus() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    Span span = provider.get("test").spanBuilder("failing").startSpan();
    IllegalArgumentException failure = new IllegalArgumentException("bad");

    TracedSpans.recordFailure(span, failure);
    span.end();

    assertThat(exporter.getFinishedSpanItems().get(0))
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasException(failure)
        .hasAttributesSatisfyingExactly(
            equalTo(
                AttributeKey.stringKey("error.type"), "java.lang.IllegalArgumentException"));
  }

  @Test
  void aSpanThatThrowsDoesNotEscape() {
    // A stand-in for a broken SDK; a test-only proxy, the runtime itself uses no reflection.
    Span broken =
        (Span)
            Proxy.newProxyInstance(
                Span.class.getClassLoader(),
                new Class<?>[] {Span.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("broken span: " + method.getName());
                });

    assertThatCode(() -> TracedSpans.recordFailure(broken, new RuntimeException("original")))
        .doesNotThrowAnyException();
  }
}
