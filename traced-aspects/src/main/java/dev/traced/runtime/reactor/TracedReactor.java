package dev.traced.runtime.reactor;

import dev.traced.runtime.AsyncSpanEnd;
import dev.traced.runtime.TracedSpans;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.util.context.Context;

/**
 * Ends the span of a traced method that returns a Project Reactor {@link Mono} or {@link Flux}
 * when the subscription to it ends, not when the method returns.
 *
 * <p>The returned publisher emits exactly what the method's one does (values, errors, completion,
 * under the same requests) and passes the subscriber's {@link Context} through. Only its first
 * subscription is traced: that subscribe call runs with the span current, and the span ends
 * exactly once, on that subscription's first terminal signal or cancel. Later subscriptions (a
 * {@code retry}, a second subscriber) go straight to the method's publisher and leave the span
 * alone. A publisher that is never subscribed to never ends its span: a traced method's Mono or
 * Flux is meant to be subscribed.
 *
 * <p>This class, and Reactor with it, is loaded only by code that traces a Reactor method.
 */
public final class TracedReactor {

  private TracedReactor() {}

  /**
   * A {@link Mono} that behaves as {@code mono} does and ends {@code span} exactly once, on the
   * first of these in its first subscription:
   *
   * <ul>
   *   <li>a value: {@code onValue} sets attributes read from it (an {@code onValue} that throws
   *       loses its attributes only), then the span ends, before the value is passed on;
   *   <li>completion without a value: the span ends;
   *   <li>an error: {@link TracedSpans#recordAsyncFailure} records it (an expected one without
   *       ERROR, a cancellation as an event), then the span ends;
   *   <li>a cancel from downstream: a {@value TracedSpans#CANCELLED_EVENT} event, then the end.
   * </ul>
   *
   * <p>Subscribing runs with the span current. A Mono that is never subscribed to never ends its
   * span. A null {@code mono} ends the span and gives null back. Never throws.
   *
   * @param expected the method's expected exceptions, or null
   * @param onValue sets attributes read from the value, or null
   */
  public static <T> Mono<T> mono(
      Mono<T> mono,
      Span span,
      Predicate<? super Throwable> expected,
      BiConsumer<? super Span, ? super T> onValue) {
    if (mono == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedMono<>(mono, span, expected, onValue);
  }

  /**
   * A {@link Flux} that behaves as {@code flux} does and ends {@code span} exactly once, on the
   * first of these in its first subscription: completion (the span ends); an error ({@link
   * TracedSpans#recordAsyncFailure}, then the end); a cancel from downstream, even one after some
   * values such as {@code take(n)} makes (a {@value TracedSpans#CANCELLED_EVENT} event, then the
   * end). Values pass through untouched.
   *
   * <p>Subscribing runs with the span current. A Flux that is never subscribed to never ends its
   * span. A null {@code flux} ends the span and gives null back. Never throws.
   *
   * @param expected the method's expected exceptions, or null
   */
  public static <T> Flux<T> flux(Flux<T> flux, Span span, Predicate<? super Throwable> expected) {
    if (flux == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedFlux<>(flux, span, expected);
  }

  private static final class TracedMono<T> extends MonoOperator<T, T> {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedMono> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedMono.class, "subscribed");

    private final Span span;
    private final Predicate<? super Throwable> expected;
    private final BiConsumer<? super Span, ? super T> onValue;
    private volatile int subscribed;

    TracedMono(
        Mono<T> source,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(source);
      this.span = span;
      this.expected = expected;
      this.onValue = onValue;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(actual);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new SpanSubscriber<T>(actual, true, span, expected, onValue), Mono::subscribe);
    }
  }

  private static final class TracedFlux<T> extends FluxOperator<T, T> {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedFlux> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedFlux.class, "subscribed");

    private final Span span;
    private final Predicate<? super Throwable> expected;
    private volatile int subscribed;

    TracedFlux(Flux<T> source, Span span, Predicate<? super Throwable> expected) {
      super(source);
      this.span = span;
      this.expected = expected;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(actual);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new SpanSubscriber<T>(actual, false, span, expected, null), Flux::subscribe);
    }
  }

  /**
   * Passes every signal through and reports the subscription's outcome. It is also the
   * subscription handed downstream, so that a cancel passes through it.
   */
  private static final class SpanSubscriber<T> extends AsyncSpanEnd<T>
      implements CoreSubscriber<T>, Subscription {

    private final CoreSubscriber<? super T> actual;
    /** A Mono: its one value is its success, even if downstream cancels right after it. */
    private final boolean mono;

    private Subscription upstream;

    SpanSubscriber(
        CoreSubscriber<? super T> actual,
        boolean mono,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(span, expected, onValue);
      this.actual = actual;
      this.mono = mono;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      if (mono) {
        succeeded(value);
      }
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      actual.onError(error);
    }

    @Override
    public void onComplete() {
      succeeded(null);
      actual.onComplete();
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      cancelled();
      upstream.cancel();
    }
  }
}
