package dev.traced.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Ends a traced async operation's span exactly once, on whichever outcome is reported first:
 * success, failure or cancellation. Later reports, such as a completion racing a cancel, change
 * nothing.
 *
 * <p>Public only so that traced's adapters in other packages ({@code dev.traced.runtime.reactor},
 * {@code dev.traced.runtime.rxjava3}) can extend it: each of their subscribers is one of these,
 * so tracing a subscription allocates one object. Not meant for application code.
 *
 * @param <T> the type of the operation's value
 */
public abstract class AsyncSpanEnd<T> {

  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<AsyncSpanEnd> ENDED =
      AtomicIntegerFieldUpdater.newUpdater(AsyncSpanEnd.class, "ended");

  private final Span span;
  private final Predicate<? super Throwable> expected;
  private final BiConsumer<? super Span, ? super T> onValue;
  private volatile int ended;

  /**
   * @param expected the method's expected exceptions, or null
   * @param onValue sets attributes read from the value the operation produced, or null
   */
  protected AsyncSpanEnd(
      Span span,
      Predicate<? super Throwable> expected,
      BiConsumer<? super Span, ? super T> onValue) {
    this.span = span;
    this.expected = expected;
    this.onValue = onValue;
  }

  /**
   * The operation succeeded with {@code value} (null when it has none): sets the attributes read
   * from it, then ends the span. An {@code onValue} that throws loses its attributes only.
   */
  protected final void succeeded(T value) {
    if (claimEnd()) {
      if (onValue != null && value != null) {
        try {
          onValue.accept(span, value);
        } catch (Throwable tracingFailure) {
          TracedSpans.tracingFailed(tracingFailure);
        }
      }
      TracedSpans.end(span);
    }
  }

  /**
   * The operation failed, or was cancelled by something other than this subscription's caller:
   * see {@link TracedSpans#recordAsyncFailure}. Then ends the span.
   */
  protected final void failed(Throwable error) {
    if (claimEnd()) {
      TracedSpans.recordAsyncFailure(span, error, expected);
      TracedSpans.end(span);
    }
  }

  /** The caller cancelled (or disposed of) the operation: a cancelled event, then the end. */
  protected final void cancelled() {
    if (claimEnd()) {
      TracedSpans.recordCancelled(span);
      TracedSpans.end(span);
    }
  }

  private boolean claimEnd() {
    return ENDED.compareAndSet(this, 0, 1);
  }

  /**
   * Runs {@code subscribe.accept(source, observer)} with the observer's span current, and closes
   * that scope before returning, on the same thread: whatever the source does while being
   * subscribed (a deferred supplier, a {@code create} callback) runs as a child of the span. If
   * subscribing throws, the span ends as failed, since no terminal signal may follow, and the
   * exception propagates unchanged.
   *
   * <p>The adapters pass a method reference such as {@code SingleSource::subscribe}, which
   * captures nothing, so this allocates nothing.
   */
  public static <S, O extends AsyncSpanEnd<?>> void subscribeWithSpanCurrent(
      S source, O observer, BiConsumer<? super S, ? super O> subscribe) {
    AsyncSpanEnd<?> end = observer; // a type variable's members exclude the private ones
    Scope scope = TracedSpans.makeCurrent(end.span);
    try {
      subscribe.accept(source, observer);
    } catch (Throwable error) {
      TracedSpans.close(scope);
      end.failed(error);
      throw error;
    }
    TracedSpans.close(scope);
  }
}
