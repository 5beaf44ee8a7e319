package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.it.AsyncOps.Order;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Async return types, woven for real: the span ends when the result completes, not when the
 * method returns, exactly once, whatever way it ends.
 */
class AsyncTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private static final ExecutorService executor = Executors.newFixedThreadPool(2);

  private final AsyncOps ops = new AsyncOps();

  @AfterAll
  static void stopExecutor() throws InterruptedException {
    executor.shutdown();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void stageEndsWhenItCompletesWithAttributesFromItsValue() {
    CompletableFuture<Order> pending = new CompletableFuture<>();
    CompletableFuture<Order> returned = ops.stage("late", pending);

    org.assertj.core.api.Assertions.assertThat(returned).isSameAs(pending);
    org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty(); // still running
    pending.complete(new Order("o-1", 3));

    assertThat(onlySpan())
        .hasName("async.stage")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("label"), "late"),
            equalTo(stringKey("order.id"), "o-1"),
            equalTo(longKey("order.items"), 3L));
  }

  @Test
  void stageCompletedOnAnotherThread() throws Exception {
    CompletableFuture<Order> result =
        ops.stage("pool", CompletableFuture.supplyAsync(() -> new Order("o-2", 1), executor));
    org.assertj.core.api.Assertions.assertThat(result.get(10, TimeUnit.SECONDS).id())
        .isEqualTo("o-2");
    awaitSpans(1);
    assertThat(onlySpan()).hasAttributesSatisfying(equalTo(stringKey("order.id"), "o-2"));
  }

  @Test
  void exceptionalCompletionRecordsTheUnwrappedCause() {
    CompletableFuture<Order> pending = new CompletableFuture<>();
    CompletableFuture<Order> dependent = ops.stage("fail", pending).thenApply(order -> order);
    IllegalStateException failure = new IllegalStateException("backend down");
    pending.completeExceptionally(failure);

    org.assertj.core.api.Assertions.assertThat(dependent).isCompletedExceptionally();
    assertThat(onlySpan())
        .hasStatus(StatusData.create(StatusCode.ERROR, "backend down"))
        .hasException(failure)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("label"), "fail"),
            equalTo(stringKey("error.type"), "java.lang.IllegalStateException"));
  }

  @Test
  void expectedExceptionalCompletionIsNotAnError() {
    CompletableFuture<Order> pending = new CompletableFuture<>();
    ops.stage("expected", pending);
    pending.completeExceptionally(new Outcomes.NotFoundException("none"));
    assertThat(onlySpan()).hasStatus(StatusData.unset()).hasTotalRecordedEvents(1);
  }

  @Test
  void cancellationIsAnEventNotAnError() {
    CompletableFuture<Order> pending = new CompletableFuture<>();
    ops.stage("cancel", pending).cancel(true);
    SpanData span = onlySpan();
    assertThat(span).hasStatus(StatusData.unset());
    org.assertj.core.api.Assertions.assertThat(span.getEvents())
        .extracting(event -> event.getName())
        .containsExactly("cancelled");
  }

  @Test
  void synchronousThrowBeforeTheFutureIsReturnedEndsTheSpanOnce() {
    IllegalArgumentException failure = new IllegalArgumentException("bad input");
    assertThatThrownBy(() -> ops.throwsBeforeReturning(failure)).isSameAs(failure);
    assertThat(onlySpan()).hasStatus(StatusData.create(StatusCode.ERROR, "bad input"));
  }

  @Test
  void nullResultEndsTheSpanAtReturn() {
    org.assertj.core.api.Assertions.assertThat(ops.returnsNull()).isNull();
    assertThat(onlySpan()).hasName("async.null").hasStatus(StatusData.unset());
  }

  @Test
  void completionStageInterface() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    org.assertj.core.api.Assertions.assertThat(ops.stageInterface(pending)).isSameAs(pending);
    org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty();
    pending.complete("done");
    assertThat(onlySpan()).hasName("async.stage.interface");
  }

  @Test
  void endAtReturnEndsBeforeTheFutureCompletes() {
    CompletableFuture<String> pending = new CompletableFuture<>();
    ops.endsAtReturn(pending);
    assertThat(onlySpan()).hasName("async.at.return");
    pending.complete("later");
    org.assertj.core.api.Assertions.assertThat(otel.getSpans()).hasSize(1);
  }

  @Test
  void monoIsSubscribedWithTheSpanCurrentAndEndsOnItsValue() {
    Span[] during = new Span[1];
    Mono<Order> mono =
        ops.mono(Mono.fromSupplier(() -> {
          during[0] = Span.current();
          return new Order("m-1", 2);
        }));
    org.assertj.core.api.Assertions.assertThat(otel.getSpans()).isEmpty(); // nothing subscribed
    org.assertj.core.api.Assertions.assertThat(mono.block().id()).isEqualTo("m-1");
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("async.mono")
        .hasAttributesSatisfyingExactly(equalTo(stringKey("order.id"), "m-1"));
    org.assertj.core.api.Assertions.assertThat(during[0].getSpanContext())
        .isEqualTo(span.getSpanContext());
    org.assertj.core.api.Assertions.assertThat(ops.bodies).hasValue(1);
  }

  @Test
  void fluxErrorIsRecorded() {
    IllegalStateException failure = new IllegalStateException("stream broke");
    Flux<String> flux = ops.flux(Flux.just("a").concatWith(Flux.error(failure)));
    org.assertj.core.api.Assertions.assertThat(flux.onErrorReturn("fallback").collectList().block())
        .containsExactly("a", "fallback");
    assertThat(onlySpan()).hasException(failure).hasStatus(StatusData.create(StatusCode.ERROR, "stream broke"));
  }

  @Test
  void fluxCancelledByTake() {
    org.assertj.core.api.Assertions.assertThat(
            ops.flux(Flux.just("a", "b", "c")).take(1).collectList().block())
        .containsExactly("a");
    SpanData span = onlySpan();
    assertThat(span).hasStatus(StatusData.unset());
    org.assertj.core.api.Assertions.assertThat(span.getEvents())
        .extracting(event -> event.getName())
        .containsExactly("cancelled");
  }

  @Test
  void rxJavaTypes() {
    org.assertj.core.api.Assertions.assertThat(
            ops.single(Single.just(new Order("s-1", 5))).blockingGet().items())
        .isEqualTo(5);
    org.assertj.core.api.Assertions.assertThat(ops.maybe(Maybe.empty()).blockingGet()).isNull();
    ops.completable(Completable.complete()).blockingAwait();
    org.assertj.core.api.Assertions.assertThat(
            ops.observable(Observable.just("x", "y")).toList().blockingGet())
        .containsExactly("x", "y");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ops.flowable(Flowable.error(new IllegalStateException("rx"))).blockingFirst())
        .hasMessage("rx");

    List<SpanData> spans = Exported.spans(otel);
    org.assertj.core.api.Assertions.assertThat(spans)
        .extracting(SpanData::getName)
        .containsExactly(
            "async.single", "async.maybe", "async.completable", "async.observable",
            "async.flowable");
    assertThat(spans.get(0)).hasAttributesSatisfyingExactly(equalTo(longKey("order.items"), 5L));
    assertThat(spans.get(4)).hasStatus(StatusData.create(StatusCode.ERROR, "rx"));
    org.assertj.core.api.Assertions.assertThat(ops.bodies).hasValue(5);
  }

  private SpanData onlySpan() {
    List<SpanData> spans = Exported.spans(otel);
    org.assertj.core.api.Assertions.assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  /** Spans of stages completed on the executor end there, shortly after the caller sees them. */
  private static void awaitSpans(int count) throws InterruptedException {
    for (int i = 0; i < 1000 && otel.getSpans().size() < count; i++) {
      Thread.sleep(10);
    }
  }
}
