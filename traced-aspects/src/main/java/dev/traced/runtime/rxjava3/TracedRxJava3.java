package dev.traced.runtime.rxjava3;

import dev.traced.runtime.AsyncSpanEnd;
import dev.traced.runtime.TracedSpans;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.CompletableObserver;
import io.reactivex.rxjava3.core.CompletableSource;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.FlowableSubscriber;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.MaybeObserver;
import io.reactivex.rxjava3.core.MaybeSource;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.ObservableSource;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import io.reactivex.rxjava3.core.SingleSource;
import io.reactivex.rxjava3.disposables.Disposable;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Ends the span of a traced method that returns an RxJava 3 {@link Single}, {@link Maybe}, {@link
 * Completable}, {@link Observable} or {@link Flowable} when the subscription to it ends, not when
 * the method returns.
 *
 * <p>The returned source emits exactly what the method's one does (values, errors, completion,
 * under the same requests for a Flowable). Only its first subscription is traced: that subscribe
 * call runs with the span current, and the span ends exactly once, on that subscription's first
 * terminal signal or dispose (cancel for a Flowable):
 *
 * <ul>
 *   <li>success or completion: the span ends (for a Single or Maybe, after {@code onValue} has set
 *       attributes read from the value; an {@code onValue} that throws loses its attributes only);
 *   <li>an error: {@link TracedSpans#recordAsyncFailure} records it (an expected one without
 *       ERROR, a cancellation as an event), then the span ends;
 *   <li>a dispose or cancel from downstream, even after some values of an Observable or Flowable:
 *       a {@value TracedSpans#CANCELLED_EVENT} event, then the end.
 * </ul>
 *
 * <p>The span ends before the signal is passed on, so a downstream that throws cannot keep it
 * open. Later subscriptions (a {@code retry}, a second subscriber) go straight to the method's
 * source and leave the span alone. A source that is never subscribed to never ends its span. A
 * null source ends the span and gives null back. No method here throws.
 *
 * <p>This class, and RxJava with it, is loaded only by code that traces an RxJava method.
 */
public final class TracedRxJava3 {

  private TracedRxJava3() {}

  /**
   * A {@link Single} that behaves as {@code single} does and ends {@code span} on the first
   * subscription's success (after {@code onValue}), error or dispose; see the class description.
   *
   * @param expected the method's expected exceptions, or null
   * @param onValue sets attributes read from the value, or null
   */
  public static <T> Single<T> single(
      Single<T> single,
      Span span,
      Predicate<? super Throwable> expected,
      BiConsumer<? super Span, ? super T> onValue) {
    if (single == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedSingle<>(single, span, expected, onValue);
  }

  /**
   * A {@link Maybe} that behaves as {@code maybe} does and ends {@code span} on the first
   * subscription's success (after {@code onValue}), completion without a value, error or dispose;
   * see the class description.
   *
   * @param expected the method's expected exceptions, or null
   * @param onValue sets attributes read from the value, or null
   */
  public static <T> Maybe<T> maybe(
      Maybe<T> maybe,
      Span span,
      Predicate<? super Throwable> expected,
      BiConsumer<? super Span, ? super T> onValue) {
    if (maybe == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedMaybe<>(maybe, span, expected, onValue);
  }

  /**
   * A {@link Completable} that behaves as {@code completable} does and ends {@code span} on the
   * first subscription's completion, error or dispose; see the class description.
   *
   * @param expected the method's expected exceptions, or null
   */
  public static Completable completable(
      Completable completable, Span span, Predicate<? super Throwable> expected) {
    if (completable == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedCompletable(completable, span, expected);
  }

  /**
   * An {@link Observable} that behaves as {@code observable} does and ends {@code span} on the
   * first subscription's completion, error or dispose; values pass through untouched. See the
   * class description.
   *
   * @param expected the method's expected exceptions, or null
   */
  public static <T> Observable<T> observable(
      Observable<T> observable, Span span, Predicate<? super Throwable> expected) {
    if (observable == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedObservable<>(observable, span, expected);
  }

  /**
   * A {@link Flowable} that behaves as {@code flowable} does, requests included, and ends {@code
   * span} on the first subscription's completion, error or cancel; values pass through untouched.
   * See the class description.
   *
   * @param expected the method's expected exceptions, or null
   */
  public static <T> Flowable<T> flowable(
      Flowable<T> flowable, Span span, Predicate<? super Throwable> expected) {
    if (flowable == null) {
      TracedSpans.end(span);
      return null;
    }
    return new TracedFlowable<>(flowable, span, expected);
  }

  // Each source below traces its first subscription only: the flag is claimed once, and every
  // later subscriber subscribes to the method's source directly.

  private static final class TracedSingle<T> extends Single<T> {
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedSingle> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedSingle.class, "subscribed");

    private final SingleSource<T> source;
    private final Span span;
    private final Predicate<? super Throwable> expected;
    private final BiConsumer<? super Span, ? super T> onValue;
    private volatile int subscribed;

    TracedSingle(
        SingleSource<T> source,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      this.source = source;
      this.span = span;
      this.expected = expected;
      this.onValue = onValue;
    }

    @Override
    protected void subscribeActual(SingleObserver<? super T> observer) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(observer);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new SingleEnd<T>(observer, span, expected, onValue), SingleSource::subscribe);
    }
  }

  private static final class TracedMaybe<T> extends Maybe<T> {
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedMaybe> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedMaybe.class, "subscribed");

    private final MaybeSource<T> source;
    private final Span span;
    private final Predicate<? super Throwable> expected;
    private final BiConsumer<? super Span, ? super T> onValue;
    private volatile int subscribed;

    TracedMaybe(
        MaybeSource<T> source,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      this.source = source;
      this.span = span;
      this.expected = expected;
      this.onValue = onValue;
    }

    @Override
    protected void subscribeActual(MaybeObserver<? super T> observer) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(observer);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new MaybeEnd<T>(observer, span, expected, onValue), MaybeSource::subscribe);
    }
  }

  private static final class TracedCompletable extends Completable {
    private static final AtomicIntegerFieldUpdater<TracedCompletable> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedCompletable.class, "subscribed");

    private final CompletableSource source;
    private final Span span;
    private final Predicate<? super Throwable> expected;
    private volatile int subscribed;

    TracedCompletable(CompletableSource source, Span span, Predicate<? super Throwable> expected) {
      this.source = source;
      this.span = span;
      this.expected = expected;
    }

    @Override
    protected void subscribeActual(CompletableObserver observer) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(observer);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new CompletableEnd(observer, span, expected), CompletableSource::subscribe);
    }
  }

  private static final class TracedObservable<T> extends Observable<T> {
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedObservable> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedObservable.class, "subscribed");

    private final ObservableSource<T> source;
    private final Span span;
    private final Predicate<? super Throwable> expected;
    private volatile int subscribed;

    TracedObservable(
        ObservableSource<T> source, Span span, Predicate<? super Throwable> expected) {
      this.source = source;
      this.span = span;
      this.expected = expected;
    }

    @Override
    protected void subscribeActual(Observer<? super T> observer) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(observer);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new ObservableEnd<T>(observer, span, expected), ObservableSource::subscribe);
    }
  }

  private static final class TracedFlowable<T> extends Flowable<T> {
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<TracedFlowable> SUBSCRIBED =
        AtomicIntegerFieldUpdater.newUpdater(TracedFlowable.class, "subscribed");

    private final Publisher<T> source;
    private final Span span;
    private final Predicate<? super Throwable> expected;
    private volatile int subscribed;

    TracedFlowable(Publisher<T> source, Span span, Predicate<? super Throwable> expected) {
      this.source = source;
      this.span = span;
      this.expected = expected;
    }

    @Override
    protected void subscribeActual(Subscriber<? super T> subscriber) {
      if (!SUBSCRIBED.compareAndSet(this, 0, 1)) {
        source.subscribe(subscriber);
        return;
      }
      AsyncSpanEnd.subscribeWithSpanCurrent(
          source, new FlowableEnd<T>(subscriber, span, expected), Publisher::subscribe);
    }
  }

  // Each observer below is also the Disposable (or Subscription) it hands downstream, so that a
  // dispose passes through it; it ends the span before passing a terminal signal on.

  /**
   * The part the four observers of {@link Disposable} sources share: disposing passes through,
   * recording the cancellation first.
   */
  private abstract static class DisposableEnd<T> extends AsyncSpanEnd<T> implements Disposable {
    Disposable upstream;

    DisposableEnd(
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(span, expected, onValue);
    }

    @Override
    public void dispose() {
      cancelled();
      upstream.dispose();
    }

    @Override
    public boolean isDisposed() {
      return upstream.isDisposed();
    }
  }

  private static final class SingleEnd<T> extends DisposableEnd<T>
      implements SingleObserver<T> {
    private final SingleObserver<? super T> downstream;

    SingleEnd(
        SingleObserver<? super T> downstream,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(span, expected, onValue);
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      downstream.onSubscribe(this);
    }

    @Override
    public void onSuccess(T value) {
      succeeded(value);
      downstream.onSuccess(value);
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      downstream.onError(error);
    }
  }

  private static final class MaybeEnd<T> extends DisposableEnd<T>
      implements MaybeObserver<T> {
    private final MaybeObserver<? super T> downstream;

    MaybeEnd(
        MaybeObserver<? super T> downstream,
        Span span,
        Predicate<? super Throwable> expected,
        BiConsumer<? super Span, ? super T> onValue) {
      super(span, expected, onValue);
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      downstream.onSubscribe(this);
    }

    @Override
    public void onSuccess(T value) {
      succeeded(value);
      downstream.onSuccess(value);
    }

    @Override
    public void onComplete() {
      succeeded(null);
      downstream.onComplete();
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      downstream.onError(error);
    }
  }

  private static final class CompletableEnd extends DisposableEnd<Void>
      implements CompletableObserver {
    private final CompletableObserver downstream;

    CompletableEnd(
        CompletableObserver downstream, Span span, Predicate<? super Throwable> expected) {
      super(span, expected, null);
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      downstream.onSubscribe(this);
    }

    @Override
    public void onComplete() {
      succeeded(null);
      downstream.onComplete();
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      downstream.onError(error);
    }
  }

  private static final class ObservableEnd<T> extends DisposableEnd<T>
      implements Observer<T> {
    private final Observer<? super T> downstream;

    ObservableEnd(Observer<? super T> downstream, Span span, Predicate<? super Throwable> expected) {
      super(span, expected, null);
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Disposable disposable) {
      upstream = disposable;
      downstream.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      downstream.onNext(value);
    }

    @Override
    public void onComplete() {
      succeeded(null);
      downstream.onComplete();
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      downstream.onError(error);
    }
  }

  private static final class FlowableEnd<T> extends AsyncSpanEnd<T>
      implements FlowableSubscriber<T>, Subscription {
    private final Subscriber<? super T> downstream;
    private Subscription upstream;

    FlowableEnd(Subscriber<? super T> downstream, Span span, Predicate<? super Throwable> expected) {
      super(span, expected, null);
      this.downstream = downstream;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      upstream = subscription;
      downstream.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      downstream.onNext(value);
    }

    @Override
    public void onComplete() {
      succeeded(null);
      downstream.onComplete();
    }

    @Override
    public void onError(Throwable error) {
      failed(error);
      downstream.onError(error);
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
