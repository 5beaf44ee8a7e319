package dev.traced.runtime;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** What generated aspects do to a span when the traced method fails. */
public final class TracedSpans {

  /** The semantic-convention attribute naming the class of the error that ended the operation. */
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private TracedSpans() {}

  /**
   * Records {@code error}, thrown by the traced method, on {@code span}: an exception event, the
   * {@code error.type} attribute and status {@code ERROR}. Never throws: the caller rethrows
   * {@code error} next, and nothing may replace it.
   */
  public static void recordFailure(Span span, Throwable error) {
    try {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR);
    } catch (Throwable tracingFailure) {
      // A broken tracing setup must not change what the traced method throws.
    }
  }
}
