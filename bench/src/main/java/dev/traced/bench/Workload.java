package dev.traced.bench;

import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The same small piece of work three times: unwrapped, wrapped in hand-written OpenTelemetry code,
 * and wrapped by {@code @Traced} (the aspect generated for this class is woven into it at build
 * time). The two wrapped variants emit the same span: same name, same kind, same two typed
 * attributes taken from the parameters, same handling of a failure.
 */
public final class Workload {

  /** The span name of both wrapped variants. */
  public static final String SPAN_NAME = "bench.work";

  /** Typed keys, created once, as a careful user writes them. */
  static final AttributeKey<String> ORDER_ID = AttributeKey.stringKey("bench.order.id");

  static final AttributeKey<Long> ITEMS = AttributeKey.longKey("bench.items");

  /** What {@code TracedSpans.recordFailure} adds on a failure; kept so both paths match. */
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The hand-written path's tracer, taken once from the OpenTelemetry in use. */
  private final Tracer tracer;

  public Workload(Tracer tracer) {
    this.tracer = tracer;
  }

  /** No tracing at all. */
  public long plain(String id, int count) {
    return work(id, count);
  }

  /** What a careful user writes by hand to get the span {@link #traced} gets from the aspect. */
  public long handWritten(String id, int count) {
    Span span = tracer.spanBuilder(SPAN_NAME)
        .setAttribute(ORDER_ID, id)
        .setAttribute(ITEMS, count)
        .startSpan();
    try (Scope scope = span.makeCurrent()) {
      return work(id, count);
    } catch (RuntimeException | Error error) {
      span.recordException(error);
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.setStatus(StatusCode.ERROR);
      throw error;
    } finally {
      span.end();
    }
  }

  /** The body is untraced source; the span comes from the woven aspect. */
  @Traced(name = SPAN_NAME, attrs = {"bench.order.id = id", "bench.items = count"})
  public long traced(String id, int count) {
    return work(id, count);
  }

  /**
   * A few nanoseconds of real work that depends on both arguments and allocates nothing, so the
   * bytes per call measured are the tracing's alone.
   */
  static long work(String id, int count) {
    long h = count;
    for (int i = 0; i < id.length(); i++) {
      h = 31 * h + id.charAt(i);
    }
    return h;
  }
}
