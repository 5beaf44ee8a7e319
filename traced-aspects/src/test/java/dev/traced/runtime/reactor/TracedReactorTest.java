package dev.traced.runtime.reactor;

import static dev.traced.runtime.AsyncTracing.EXPECTED;
import static dev.traced.runtime.AsyncTracing.ON_VALUE;
import static dev.traced.runtime.AsyncTracing.THROWING_ON_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.runtime.AsyncTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class TracedReactorTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final AsyncTracing tracing = new AsyncTracing();

  // Mono

  @Test
  void monoValueSetsAttributesAndEndsTheSpan() {
    Mono<String> traced = TracedReactor.mono(Mono.just("v"), tracing.start(), EXPECTED, ON_VALUE);
    assertThat(tracing.ended()).as("not subscribed yet").isFalse();

    StepVerifier.create(traced).expectNext("v").verifyComplete();

    tracing.assertSucceeded("v");
  }

  @Test
  void emptyMonoEndsTheSpanWithoutValueAttributes() {
    StepVerifier.create(TracedReactor.mono(Mono.empty(), tracing.start(), EXPECTED, ON_VALUE))
        .verifyComplete();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void monoErrorIsRecordedAsItsUnwrappedCauseAndPassedOnUnchanged() {
    IllegalStateException failure = new IllegalStateException("boom");
    CompletionException wrapped = new CompletionException(failure);

    StepVerifier.create(
            TracedReactor.mono(Mono.<String>error(wrapped), tracing.start(), EXPECTED, ON_VALUE))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(wrapped))
        .verify(TIMEOUT);

    tracing.assertFailed(failure);
  }

  @Test
  void monoExpectedErrorIsAnEventWithoutError() {
    IllegalArgumentException failure = new IllegalArgumentException("no such user");

    StepVerifier.create(
            TracedReactor.mono(Mono.<String>error(failure), tracing.start(), EXPECTED, ON_VALUE))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
        .verify(TIMEOUT);

    tracing.assertExpectedFailure(failure);
  }

  @Test
  void monoCancelIsACancelledEvent() {
    StepVerifier.create(TracedReactor.mono(Mono.never(), tracing.start(), EXPECTED, ON_VALUE))
        .expectSubscription()
        .thenCancel()
        .verify(TIMEOUT);

    tracing.assertCancelled();
  }

  @Test
  void aMonoValueIsItsSuccessEvenIfDownstreamCancelsRightAfterIt() {
    // take(1) cancels its upstream as soon as the value arrives, before onComplete.
    Flux<String> traced =
        Flux.from(TracedReactor.mono(Mono.just("v"), tracing.start(), EXPECTED, ON_VALUE)).take(1);

    StepVerifier.create(traced).expectNext("v").verifyComplete();

    tracing.assertSucceeded("v");
  }

  @Test
  void monoSubscriptionRunsWithTheSpanCurrent() {
    Mono<SpanContext> traced =
        TracedReactor.mono(
            Mono.fromSupplier(() -> Span.current().getSpanContext()),
            tracing.start(),
            EXPECTED,
            null);

    StepVerifier.create(traced).expectNext(tracing.spanContext()).verifyComplete();

    assertThat(Span.current().getSpanContext().isValid()).as("scope closed").isFalse();
  }

  @Test
  void monoPassesTheSubscriberContextThrough() {
    Mono<String> traced =
        TracedReactor.mono(
            Mono.deferContextual(context -> Mono.just(context.<String>get("user"))),
            tracing.start(),
            EXPECTED,
            ON_VALUE);

    StepVerifier.create(traced.contextWrite(Context.of("user", "ada")))
        .expectNext("ada")
        .verifyComplete();

    tracing.assertSucceeded("ada");
  }

  @Test
  void onlyTheFirstMonoSubscriptionIsTraced() {
    Mono<SpanContext> traced =
        TracedReactor.mono(
            Mono.fromSupplier(() -> Span.current().getSpanContext()),
            tracing.start(),
            EXPECTED,
            ON_VALUE);

    assertThat(traced.block(TIMEOUT)).isEqualTo(tracing.spanContext());
    assertThat(traced.block(TIMEOUT).isValid()).as("second subscription: no span current").isFalse();

    tracing.assertSucceeded(tracing.spanContext().toString());
  }

  @Test
  void monoCompletingOnAnotherThreadEndsTheSpan() {
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<String> future = new CompletableFuture<>();
      Mono<String> traced =
          TracedReactor.mono(Mono.fromFuture(future), tracing.start(), EXPECTED, ON_VALUE);

      StepVerifier.create(traced)
          .then(() -> executor.execute(() -> future.complete("elsewhere")))
          .expectNext("elsewhere")
          .expectComplete()
          .verify(TIMEOUT);
    } finally {
      executor.shutdownNow();
    }

    tracing.assertSucceeded("elsewhere");
  }

  @Test
  void monoWithoutOnValueOrWithAThrowingOneStillDeliversTheValue() {
    StepVerifier.create(TracedReactor.mono(Mono.just("v"), tracing.start(), EXPECTED, null))
        .expectNext("v")
        .verifyComplete();
    tracing.assertSucceededWithoutValue();

    AsyncTracing throwing = new AsyncTracing();
    StepVerifier.create(
            TracedReactor.mono(Mono.just("v"), throwing.start(), EXPECTED, THROWING_ON_VALUE))
        .expectNext("v")
        .verifyComplete();
    throwing.assertSucceededWithoutValue();
  }

  @Test
  void aDownstreamThatThrowsOnTheValueGetsItsExceptionBackAndTheSpanEndsOnce() {
    IllegalStateException downstreamFailure = new IllegalStateException("downstream");
    Mono<String> traced = TracedReactor.mono(Mono.just("v"), tracing.start(), EXPECTED, ON_VALUE);

    // Subscribing directly, bypassing Mono.subscribe(Subscriber)'s own error handling.
    assertThatThrownBy(() -> traced.subscribe(throwingOn("onNext", downstreamFailure)))
        .isSameAs(downstreamFailure);

    tracing.assertSucceeded("v");
  }

  @Test
  void aDownstreamThatThrowsOnTheErrorGetsItsExceptionBackAndTheSpanEndsOnce() {
    IllegalStateException failure = new IllegalStateException("boom");
    IllegalStateException downstreamFailure = new IllegalStateException("downstream");
    Mono<String> traced =
        TracedReactor.mono(Mono.error(failure), tracing.start(), EXPECTED, ON_VALUE);

    assertThatThrownBy(() -> traced.subscribe(throwingOn("onError", downstreamFailure)))
        .isSameAs(downstreamFailure);

    tracing.assertFailed(failure);
  }

  @Test
  void aBrokenSpanChangesNoMonoSignal() {
    IllegalStateException failure = new IllegalStateException("boom");

    StepVerifier.create(TracedReactor.mono(Mono.just("v"), AsyncTracing.brokenSpan(), null, ON_VALUE))
        .expectNext("v")
        .verifyComplete();
    StepVerifier.create(
            TracedReactor.mono(Mono.<String>error(failure), AsyncTracing.brokenSpan(), EXPECTED, null))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
        .verify(TIMEOUT);
    StepVerifier.create(TracedReactor.mono(Mono.never(), AsyncTracing.brokenSpan(), null, null))
        .expectSubscription()
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void aNullMonoEndsTheSpan() {
    assertThat(TracedReactor.<String>mono(null, tracing.start(), EXPECTED, ON_VALUE)).isNull();

    tracing.assertSucceededWithoutValue();
  }

  // Flux

  @Test
  void fluxCompletionEndsTheSpanAfterAllValues() {
    StepVerifier.create(TracedReactor.flux(Flux.just(1, 2, 3), tracing.start(), EXPECTED))
        .expectNext(1, 2, 3)
        .verifyComplete();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void fluxHonoursRequestsAndEndsOnlyOnCompletion() {
    Flux<Integer> traced = TracedReactor.flux(Flux.range(1, 3), tracing.start(), EXPECTED);

    StepVerifier.create(traced, 0)
        .expectSubscription()
        .expectNoEvent(Duration.ZERO)
        .thenRequest(1)
        .expectNext(1)
        .then(() -> assertThat(tracing.ended()).isFalse())
        .thenRequest(2)
        .expectNext(2, 3)
        .verifyComplete();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void fluxErrorAfterValuesIsRecorded() {
    IllegalStateException failure = new IllegalStateException("boom");

    StepVerifier.create(
            TracedReactor.flux(
                Flux.just(1).concatWith(Flux.error(failure)), tracing.start(), EXPECTED))
        .expectNext(1)
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
        .verify(TIMEOUT);

    tracing.assertFailed(failure);
  }

  @Test
  void fluxExpectedErrorIsAnEventWithoutError() {
    IllegalArgumentException failure = new IllegalArgumentException("no such user");

    StepVerifier.create(TracedReactor.flux(Flux.error(failure), tracing.start(), EXPECTED))
        .expectErrorSatisfies(error -> assertThat(error).isSameAs(failure))
        .verify(TIMEOUT);

    tracing.assertExpectedFailure(failure);
  }

  @Test
  void fluxCancelAfterSomeValuesIsACancelledEvent() {
    StepVerifier.create(TracedReactor.flux(Flux.range(1, 10), tracing.start(), EXPECTED).take(2))
        .expectNext(1, 2)
        .verifyComplete();

    tracing.assertCancelled();
  }

  @Test
  void fluxSubscriptionRunsWithTheSpanCurrentAndPassesTheContextThrough() {
    Flux<String> traced =
        TracedReactor.flux(
            Flux.create(
                sink -> {
                  sink.next(String.valueOf(Span.current().getSpanContext().equals(tracing.spanContext())));
                  sink.next(sink.contextView().get("user"));
                  sink.complete();
                }),
            tracing.start(),
            EXPECTED);

    StepVerifier.create(traced.contextWrite(Context.of("user", "ada")))
        .expectNext("true", "ada")
        .verifyComplete();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void onlyTheFirstFluxSubscriptionIsTraced() {
    Flux<Integer> traced = TracedReactor.flux(Flux.just(1, 2), tracing.start(), EXPECTED);

    StepVerifier.create(traced).expectNext(1, 2).verifyComplete();
    StepVerifier.create(traced).expectNext(1, 2).verifyComplete();
    StepVerifier.create(traced.take(1)).expectNext(1).verifyComplete();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void aDownstreamThatThrowsOnCompletionGetsItsExceptionBackAndTheSpanEndsOnce() {
    IllegalStateException downstreamFailure = new IllegalStateException("downstream");
    Flux<String> traced = TracedReactor.flux(Flux.just("v"), tracing.start(), EXPECTED);

    assertThatThrownBy(() -> traced.subscribe(throwingOn("onComplete", downstreamFailure)))
        .isSameAs(downstreamFailure);

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void aBrokenSpanChangesNoFluxSignal() {
    StepVerifier.create(TracedReactor.flux(Flux.range(1, 3), AsyncTracing.brokenSpan(), null))
        .expectNext(1, 2, 3)
        .verifyComplete();
    StepVerifier.create(
            TracedReactor.flux(Flux.range(1, 3), AsyncTracing.brokenSpan(), null).take(1))
        .expectNext(1)
        .verifyComplete();
  }

  /** A subscriber that requests everything and throws {@code failure} from {@code signal}. */
  private static <T> CoreSubscriber<T> throwingOn(String signal, RuntimeException failure) {
    return new CoreSubscriber<>() {
      @Override
      public void onSubscribe(Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(T value) {
        throwIf("onNext");
      }

      @Override
      public void onError(Throwable error) {
        throwIf("onError");
      }

      @Override
      public void onComplete() {
        throwIf("onComplete");
      }

      private void throwIf(String name) {
        if (name.equals(signal)) {
          throw failure;
        }
      }
    };
  }
}
