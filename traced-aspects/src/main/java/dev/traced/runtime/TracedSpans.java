package dev.traced.runtime;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What generated aspects and the async adapters do to a span besides building it: make it
 * current, record how the traced operation failed, end it.
 *
 * <p>Every method here never throws. A broken tracing setup (an SDK, span processor or context
 * storage that throws) must not change what the traced method returns or throws; the first such
 * failure is logged once as a warning through {@code java.util.logging}, later ones at {@code
 * FINE}, so a broken setup is visible without flooding the log.
 */
public final class TracedSpans {

  /** The semantic-convention attribute naming the class of the error that ended the operation. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** The semantic-convention attribute naming the traced method, fully qualified. */
  public static final AttributeKey<String> CODE_FUNCTION_NAME =
      AttributeKey.stringKey("code.function.name");

  /** The semantic-convention attribute naming the traced method's source file. */
  public static final AttributeKey<String> CODE_FILE_PATH =
      AttributeKey.stringKey("code.file.path");

  /** The semantic-convention attribute giving the traced method's line in its source file. */
  public static final AttributeKey<Long> CODE_LINE_NUMBER = AttributeKey.longKey("code.line.number");

  /** The name of the event recorded when the caller cancels an async operation. */
  public static final String CANCELLED_EVENT = "cancelled";

  /** Status descriptions longer than this are cut: the exception event keeps the whole message. */
  static final int MAX_DESCRIPTION_LENGTH = 120;

  private static final Logger logger = Logger.getLogger(TracedSpans.class.getName());
  private static final AtomicBoolean failureLogged = new AtomicBoolean();

  private TracedSpans() {}

  /**
   * Records {@code error}, thrown by the traced method, on {@code span}: an exception event, the
   * {@code error.type} attribute and status {@code ERROR} with a short description. Never throws:
   * the caller rethrows {@code error} next, and nothing may replace it.
   */
  public static void recordFailure(Span span, Throwable error) {
    recordFailure(span, error, null);
  }

  /**
   * Records {@code error} on {@code span}. An error that {@code expected} accepts (one the method
   * declares as an expected outcome, {@code @Traced(expected = ...)}) gets its exception event
   * only: the operation did what it is meant to do, so the span is not marked as failed.
   *
   * @param expected the method's expected exceptions, or null when it declares none
   */
  public static void recordFailure(
      Span span, Throwable error, Predicate<? super Throwable> expected) {
    try {
      span.recordException(error);
      if (expected != null && expected.test(error)) {
        return;
      }
      span.setAttribute(ERROR_TYPE, errorType(error));
      span.setStatus(StatusCode.ERROR, description(error));
    } catch (Throwable tracingFailure) {
      tracingFailed(tracingFailure);
    }
  }

  /**
   * Records the outcome of an async operation that did not complete normally: a cancellation
   * ({@link CancellationException}, however wrapped) as a {@value #CANCELLED_EVENT} event, since
   * the caller gave up rather than the operation failing; anything else as {@link
   * #recordFailure(Span, Throwable, Predicate) a failure} of its unwrapped cause.
   */
  public static void recordAsyncFailure(
      Span span, Throwable error, Predicate<? super Throwable> expected) {
    Throwable cause = unwrap(error);
    if (cause instanceof CancellationException) {
      recordCancelled(span);
    } else {
      recordFailure(span, cause, expected);
    }
  }

  /** Records that the caller cancelled the operation before it completed. */
  public static void recordCancelled(Span span) {
    try {
      span.addEvent(CANCELLED_EVENT);
    } catch (Throwable tracingFailure) {
      tracingFailed(tracingFailure);
    }
  }

  /**
   * The failure inside the wrappers that futures add: a {@link CompletionException} or {@link
   * ExecutionException} only says that the cause happened elsewhere.
   */
  public static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null
        && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  /** Makes {@code span} current; a context storage that fails gives a scope that does nothing. */
  public static Scope makeCurrent(Span span) {
    try {
      return span.makeCurrent();
    } catch (Throwable tracingFailure) {
      tracingFailed(tracingFailure);
      return Scope.noop();
    }
  }

  /** Closes {@code scope}, then ends {@code span}: the end of a synchronous traced call. */
  public static void end(Span span, Scope scope) {
    close(scope);
    end(span);
  }

  /** Closes {@code scope}; a failure to close is logged, never thrown. */
  public static void close(Scope scope) {
    try {
      scope.close();
    } catch (Throwable tracingFailure) {
      tracingFailed(tracingFailure);
    }
  }

  /** Ends {@code span}; a span processor that throws is logged, never thrown. */
  public static void end(Span span) {
    try {
      span.end();
    } catch (Throwable tracingFailure) {
      tracingFailed(tracingFailure);
    }
  }

  /**
   * Makes {@code builder} start a new trace, linked to the caller's span when there is one: for
   * entry points such as batch jobs and queue consumers, whose work should not make the caller's
   * trace grow without bound.
   */
  public static SpanBuilder newTrace(SpanBuilder builder) {
    SpanContext caller = Span.current().getSpanContext();
    builder.setNoParent();
    if (caller.isValid()) {
      builder.addLink(caller);
    }
    return builder;
  }

  /**
   * Reports a failure of the tracing setup, caught so the traced method runs on: a warning the
   * first time, then {@code FINE}. Never throws.
   */
  public static void tracingFailed(Throwable failure) {
    try {
      if (failureLogged.compareAndSet(false, true)) {
        logger.log(
            Level.WARNING,
            "traced: tracing failed and was skipped; the traced method ran on unaffected."
                + " Later tracing failures are logged at FINE.",
            failure);
      } else if (logger.isLoggable(Level.FINE)) {
        logger.log(Level.FINE, "traced: tracing failed and was skipped", failure);
      }
    } catch (Throwable ignored) {
      // Logging itself failed: there is nowhere left to report to.
    }
  }

  /**
   * The {@code error.type} of an exception: its canonical class name, as the semantic
   * conventions ask and the SDK's {@code exception.type} gives, or its binary name for local and
   * anonymous classes, which have none.
   */
  static String errorType(Throwable error) {
    Class<?> type = error.getClass();
    String canonical = type.getCanonicalName();
    return canonical != null ? canonical : type.getName();
  }

  /**
   * A short status description: the first line of the message, cut to {@value
   * #MAX_DESCRIPTION_LENGTH} characters, or the simple class name when there is no message.
   */
  static String description(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName().isEmpty()
          ? error.getClass().getName()
          : error.getClass().getSimpleName();
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    if (newline >= 0) {
      line = line.substring(0, newline).strip();
    }
    return line.length() <= MAX_DESCRIPTION_LENGTH
        ? line
        : line.substring(0, MAX_DESCRIPTION_LENGTH - 1) + "…";
  }
}
