package dev.traced.runtime;

import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Ends the span of a traced method that returns a {@link CompletionStage} (such as a {@link
 * java.util.concurrent.CompletableFuture}) when that stage completes, not when the method returns.
 */
public final class TracedAsync {

  private TracedAsync() {}

  /**
   * Ends {@code span} when {@code stage} completes. The span ends exactly once:
   *
   * <ul>
   *   <li>completed normally: {@code onValue} sets attributes read from the value (when both are
   *       non-null; an {@code onValue} that throws loses its attributes only), then the span ends;
   *   <li>completed exceptionally: {@link TracedSpans#recordAsyncFailure} records the cause (an
   *       expected one without ERROR, a cancellation as a {@value TracedSpans#CANCELLED_EVENT}
   *       event), then the span ends.
   * </ul>
   *
   * <p>A stage that has already completed ends the span at once, on the calling thread; otherwise
   * it ends on the thread that completes the stage. The caller keeps {@code stage} itself,
   * unchanged: the dependent stage that attaching the callback creates is dropped, so nothing
   * waits on it and no failure of it is reported. A stage that never completes never ends its
   * span. A stage whose {@code whenComplete} throws ends the span now. Never throws.
   *
   * @param expected the method's expected exceptions, or null
   * @param onValue sets attributes read from the completed value, or null
   */
  public static <T> void endOnCompletion(
      CompletionStage<T> stage,
      Span span,
      Predicate<? super Throwable> expected,
      BiConsumer<? super Span, ? super T> onValue) {
    CompletionEnd<T> end = new CompletionEnd<>(span, expected, onValue);
    try {
      stage.whenComplete(end);
    } catch (Throwable attachFailure) {
      TracedSpans.tracingFailed(attachFailure);
      // The outcome can no longer be observed: end the span as it stands rather than never.
      end.succeeded(null);
    }
  }

  private static final class CompletionEnd<T> extends AsyncSpanEnd<T>
      implements BiConsumer<T, Throwable> {

    CompletionEnd(
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(span, expected, onValue);
    }

    @Override
    public void accept(T value, Throwable error) {
      if (error != null) {
        failed(error);
      } else {
        succeeded(value);
      }
    }
  }
}
