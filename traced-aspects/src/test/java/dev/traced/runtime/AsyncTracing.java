package dev.traced.runtime;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Test fixture for the async adapters: one span per test, exported synchronously, wrapped so the
 * test can count how often {@code end()} is called (the SDK would silently ignore a second call).
 */
public final class AsyncTracing {

  public static final String NAME = "async";
  public static final AttributeKey<String> VALUE = AttributeKey.stringKey("test.value");

  /** Sets the value as an attribute, as generated code does with {@code return} paths. */
  public static final BiConsumer<Span, Object> ON_VALUE =
      (span, value) -> span.setAttribute(VALUE, String.valueOf(value));

  public static final BiConsumer<Span, Object> THROWING_ON_VALUE =
      (span, value) -> {
        throw new IllegalStateException("onValue broke");
      };

  /** The traced method's expected exceptions. */
  public static final Predicate<Throwable> EXPECTED = IllegalArgumentException.class::isInstance;

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final AtomicInteger endCalls = new AtomicInteger();
  private Span real;

  /** Starts the test's span; returns a proxy of it that counts {@code end()} calls. */
  public Span start() {
    real = provider.get("test").spanBuilder(NAME).startSpan();
    Span target = real;
    return (Span)
        Proxy.newProxyInstance(
            Span.class.getClassLoader(),
            new Class<?>[] {Span.class},
            (proxy, method, args) -> {
              if (method.getName().equals("end") && method.getParameterCount() == 0) {
                endCalls.incrementAndGet();
              }
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  public SpanContext spanContext() {
    return real.getSpanContext();
  }

  public boolean ended() {
    return !exporter.getFinishedSpanItems().isEmpty();
  }

  /** The one span, ended by exactly one {@code end()} call. */
  public SpanData endedOnce() {
    List<SpanData> spans = exporter.getFinishedSpanItems();
    org.assertj.core.api.Assertions.assertThat(spans).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(endCalls.get()).as("end() calls").isEqualTo(1);
    return spans.get(0);
  }

  public void assertSucceeded(String value) {
    assertThat(endedOnce())
        .hasName(NAME)
        .hasStatus(StatusData.unset())
        .hasEventsSatisfyingExactly()
        .hasAttributesSatisfyingExactly(equalTo(VALUE, value));
  }

  /** Succeeded with no attributes: an empty result, or no or a broken onValue. */
  public void assertSucceededWithoutValue() {
    assertThat(endedOnce())
        .hasName(NAME)
        .hasStatus(StatusData.unset())
        .hasEventsSatisfyingExactly()
        .hasTotalAttributeCount(0);
  }

  public void assertFailed(Throwable cause) {
    assertThat(endedOnce())
        .hasName(NAME)
        .hasStatus(StatusData.create(StatusCode.ERROR, cause.getMessage()))
        .hasException(cause)
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"))
        .hasAttributesSatisfyingExactly(
            equalTo(TracedSpans.ERROR_TYPE, cause.getClass().getCanonicalName()));
  }

  public void assertExpectedFailure(Throwable cause) {
    assertThat(endedOnce())
        .hasName(NAME)
        .hasStatus(StatusData.unset())
        .hasException(cause)
        .hasEventsSatisfyingExactly(event -> event.hasName("exception"))
        .hasTotalAttributeCount(0);
  }

  public void assertCancelled() {
    assertThat(endedOnce())
        .hasName(NAME)
        .hasStatus(StatusData.unset())
        .hasEventsSatisfyingExactly(event -> event.hasName(TracedSpans.CANCELLED_EVENT))
        .hasTotalAttributeCount(0);
  }

  /** A stand-in for a broken SDK; a test-only proxy, the runtime itself uses no reflection. */
  public static Span brokenSpan() {
    return (Span)
        Proxy.newProxyInstance(
            Span.class.getClassLoader(),
            new Class<?>[] {Span.class},
            (proxy, method, args) -> {
              throw new IllegalStateException("broken span: " + method.getName());
            });
  }
}
