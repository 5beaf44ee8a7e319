package dev.traced.runtime.rxjava3;

import static dev.traced.runtime.AsyncTracing.EXPECTED;
import static dev.traced.runtime.AsyncTracing.ON_VALUE;
import static dev.traced.runtime.AsyncTracing.THROWING_ON_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.runtime.AsyncTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.core.SingleObserver;
import io.reactivex.rxjava3.disposables.Disposable;
import io.reactivex.rxjava3.observers.TestObserver;
import io.reactivex.rxjava3.plugins.RxJavaPlugins;
import io.reactivex.rxjava3.schedulers.Schedulers;
import io.reactivex.rxjava3.subscribers.TestSubscriber;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TracedRxJava3Test {

  private final AsyncTracing tracing = new AsyncTracing();
  /** Errors RxJava could not deliver: the adapters must never cause one. */
  private final List<Throwable> undeliverable = new CopyOnWriteArrayList<>();

  @BeforeEach
  void catchUndeliverableErrors() {
    RxJavaPlugins.setErrorHandler(undeliverable::add);
  }

  @AfterEach
  void noUndeliverableErrors() {
    RxJavaPlugins.reset();
    assertThat(undeliverable).isEmpty();
  }

  // Single

  @Test
  void singleSuccessSetsAttributesAndEndsTheSpan() {
    Single<String> traced =
        TracedRxJava3.single(Single.just("v"), tracing.start(), EXPECTED, ON_VALUE);
    assertThat(tracing.ended()).as("not subscribed yet").isFalse();

    traced.test().assertResult("v");

    tracing.assertSucceeded("v");
  }

  @Test
  void singleErrorIsRecordedAsItsUnwrappedCauseAndPassedOnUnchanged() {
    IllegalStateException failure = new IllegalStateException("boom");
    CompletionException wrapped = new CompletionException(failure);

    TracedRxJava3.single(Single.<String>error(wrapped), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .assertError(wrapped);

    tracing.assertFailed(failure);
  }

  @Test
  void singleExpectedErrorIsAnEventWithoutError() {
    IllegalArgumentException failure = new IllegalArgumentException("no such user");

    TracedRxJava3.single(Single.<String>error(failure), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .assertError(failure);

    tracing.assertExpectedFailure(failure);
  }

  @Test
  void singleDisposeIsACancelledEvent() {
    TestObserver<String> observer =
        TracedRxJava3.single(Single.<String>never(), tracing.start(), EXPECTED, ON_VALUE).test();
    assertThat(tracing.ended()).isFalse();

    observer.dispose();

    tracing.assertCancelled();
    observer.assertEmpty();
  }

  @Test
  void singleSubscriptionRunsWithTheSpanCurrentOnlyTheFirstTime() {
    Single<SpanContext> traced =
        TracedRxJava3.single(
            Single.fromSupplier(() -> Span.current().getSpanContext()),
            tracing.start(),
            EXPECTED,
            null);

    traced.test().assertResult(tracing.spanContext());
    assertThat(Span.current().getSpanContext().isValid()).as("scope closed").isFalse();
    traced.test().assertResult(SpanContext.getInvalid());

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void singleSucceedingOnAnotherThreadEndsTheSpan() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      TracedRxJava3.single(
              Single.fromCallable(() -> "elsewhere").subscribeOn(Schedulers.from(executor)),
              tracing.start(),
              EXPECTED,
              ON_VALUE)
          .test()
          .awaitDone(10, TimeUnit.SECONDS)
          .assertResult("elsewhere");
    } finally {
      executor.shutdownNow();
    }

    tracing.assertSucceeded("elsewhere");
  }

  @Test
  void aThrowingOnValueLosesItsAttributesOnly() {
    TracedRxJava3.single(Single.just("v"), tracing.start(), EXPECTED, THROWING_ON_VALUE)
        .test()
        .assertResult("v");

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void aDownstreamThatThrowsGetsItsExceptionBackAsRxJavaWouldAndTheSpanEndsOnce() {
    IllegalStateException downstreamFailure = new IllegalStateException("downstream");
    SingleObserver<String> throwing =
        new SingleObserver<>() {
          @Override
          public void onSubscribe(Disposable disposable) {}

          @Override
          public void onSuccess(String value) {
            throw downstreamFailure;
          }

          @Override
          public void onError(Throwable error) {}
        };
    Single<String> traced =
        TracedRxJava3.single(Single.just("v"), tracing.start(), EXPECTED, ON_VALUE);

    // RxJava wraps what subscribeActual throws; untraced, Single.just would do the same.
    assertThatThrownBy(() -> traced.subscribe(throwing)).rootCause().isSameAs(downstreamFailure);

    tracing.assertSucceeded("v");
  }

  @Test
  void aBrokenSpanChangesNoSingleSignal() {
    IllegalStateException failure = new IllegalStateException("boom");
    Span broken = AsyncTracing.brokenSpan();

    TracedRxJava3.single(Single.just("v"), broken, EXPECTED, ON_VALUE).test().assertResult("v");
    TracedRxJava3.single(Single.<String>error(failure), broken, EXPECTED, null)
        .test()
        .assertError(failure);
    TestObserver<String> disposed =
        TracedRxJava3.single(Single.<String>never(), broken, null, null).test();
    disposed.dispose();
    assertThat(disposed.isDisposed()).isTrue();
  }

  @Test
  void aNullSourceEndsTheSpan() {
    assertThat(TracedRxJava3.<String>single(null, tracing.start(), EXPECTED, ON_VALUE)).isNull();

    tracing.assertSucceededWithoutValue();
  }

  // Maybe

  @Test
  void maybeSuccessSetsAttributesAndEndsTheSpan() {
    TracedRxJava3.maybe(Maybe.just("v"), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .assertResult("v");

    tracing.assertSucceeded("v");
  }

  @Test
  void emptyMaybeEndsTheSpanWithoutValueAttributes() {
    TracedRxJava3.maybe(Maybe.<String>empty(), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .assertResult();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void maybeErrorIsRecorded() {
    IllegalStateException failure = new IllegalStateException("boom");

    TracedRxJava3.maybe(Maybe.<String>error(failure), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .assertError(failure);

    tracing.assertFailed(failure);
  }

  @Test
  void maybeDisposeIsACancelledEvent() {
    TracedRxJava3.maybe(Maybe.<String>never(), tracing.start(), EXPECTED, ON_VALUE)
        .test()
        .dispose();

    tracing.assertCancelled();
  }

  @Test
  void onlyTheFirstMaybeSubscriptionIsTraced() {
    Maybe<String> traced = TracedRxJava3.maybe(Maybe.just("v"), tracing.start(), null, ON_VALUE);

    traced.test().assertResult("v");
    traced.test().assertResult("v");

    tracing.assertSucceeded("v");
  }

  // Completable

  @Test
  void completableCompletionEndsTheSpan() {
    TracedRxJava3.completable(Completable.complete(), tracing.start(), EXPECTED)
        .test()
        .assertResult();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void completableErrorIsRecorded() {
    IllegalStateException failure = new IllegalStateException("boom");

    TracedRxJava3.completable(Completable.error(failure), tracing.start(), EXPECTED)
        .test()
        .assertError(failure);

    tracing.assertFailed(failure);
  }

  @Test
  void completableExpectedErrorIsAnEventWithoutError() {
    IllegalArgumentException failure = new IllegalArgumentException("no such user");

    TracedRxJava3.completable(Completable.error(failure), tracing.start(), EXPECTED)
        .test()
        .assertError(failure);

    tracing.assertExpectedFailure(failure);
  }

  @Test
  void completableDisposeIsACancelledEvent() {
    TracedRxJava3.completable(Completable.never(), tracing.start(), EXPECTED).test().dispose();

    tracing.assertCancelled();
  }

  @Test
  void completableSubscriptionRunsWithTheSpanCurrent() {
    SpanContext[] seen = new SpanContext[1];

    TracedRxJava3.completable(
            Completable.fromRunnable(() -> seen[0] = Span.current().getSpanContext()),
            tracing.start(),
            EXPECTED)
        .test()
        .assertResult();

    assertThat(seen[0]).isEqualTo(tracing.spanContext());
    tracing.assertSucceededWithoutValue();
  }

  // Observable

  @Test
  void observableCompletionEndsTheSpanAfterAllValues() {
    TracedRxJava3.observable(Observable.just(1, 2, 3), tracing.start(), EXPECTED)
        .test()
        .assertResult(1, 2, 3);

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void observableErrorAfterValuesIsRecorded() {
    IllegalStateException failure = new IllegalStateException("boom");

    TracedRxJava3.observable(
            Observable.just(1).concatWith(Observable.error(failure)), tracing.start(), EXPECTED)
        .test()
        .assertValues(1)
        .assertError(failure);

    tracing.assertFailed(failure);
  }

  @Test
  void observableDisposeAfterSomeValuesIsACancelledEvent() {
    TracedRxJava3.observable(Observable.range(1, 10), tracing.start(), EXPECTED)
        .take(2)
        .test()
        .assertResult(1, 2);

    tracing.assertCancelled();
  }

  @Test
  void observableSubscriptionRunsWithTheSpanCurrentOnlyTheFirstTime() {
    Observable<Boolean> traced =
        TracedRxJava3.observable(
            Observable.create(
                emitter -> {
                  emitter.onNext(Span.current().getSpanContext().equals(tracing.spanContext()));
                  emitter.onComplete();
                }),
            tracing.start(),
            EXPECTED);

    traced.test().assertResult(true);
    traced.test().assertResult(false);

    tracing.assertSucceededWithoutValue();
  }

  // Flowable

  @Test
  void flowableHonoursRequestsAndEndsOnlyOnCompletion() {
    TestSubscriber<Integer> subscriber =
        TracedRxJava3.flowable(Flowable.range(1, 3), tracing.start(), EXPECTED).test(0);
    subscriber.assertEmpty();

    subscriber.request(1);
    subscriber.assertValues(1).assertNotComplete();
    assertThat(tracing.ended()).isFalse();

    subscriber.request(2);
    subscriber.assertResult(1, 2, 3);
    tracing.assertSucceededWithoutValue();
  }

  @Test
  void flowableErrorIsRecorded() {
    IllegalStateException failure = new IllegalStateException("boom");

    TracedRxJava3.flowable(
            Flowable.just(1).concatWith(Flowable.error(failure)), tracing.start(), EXPECTED)
        .test()
        .assertValues(1)
        .assertError(failure);

    tracing.assertFailed(failure);
  }

  @Test
  void flowableCancelAfterSomeValuesIsACancelledEvent() {
    TracedRxJava3.flowable(Flowable.range(1, 10), tracing.start(), EXPECTED)
        .take(2)
        .test()
        .assertResult(1, 2);

    tracing.assertCancelled();
  }

  @Test
  void flowableSubscriptionRunsWithTheSpanCurrentOnlyTheFirstTime() {
    Flowable<SpanContext> traced =
        TracedRxJava3.flowable(
            Flowable.defer(() -> Flowable.just(Span.current().getSpanContext())),
            tracing.start(),
            EXPECTED);

    traced.test().assertResult(tracing.spanContext());
    traced.test().assertResult(SpanContext.getInvalid());

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void aBrokenSpanChangesNoFlowableSignal() {
    TracedRxJava3.flowable(Flowable.range(1, 3), AsyncTracing.brokenSpan(), null)
        .test()
        .assertResult(1, 2, 3);
    TracedRxJava3.flowable(Flowable.range(1, 3), AsyncTracing.brokenSpan(), null)
        .take(1)
        .test()
        .assertResult(1);
  }
}
