package dev.traced.it;

import dev.traced.Traced;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Traced methods returning async results: each hands back what it was given. */
public class AsyncOps {

  public record Order(String id, int items) {}

  /** How many times a method body ran. */
  public final AtomicInteger bodies = new AtomicInteger();

  @Traced(
      name = "async.stage",
      attrs = {"order.id = return.id", "order.items = return.items", "label = label"},
      expected = Outcomes.NotFoundException.class)
  public CompletableFuture<Order> stage(String label, CompletableFuture<Order> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.stage.interface")
  public CompletionStage<String> stageInterface(CompletionStage<String> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.throws")
  public CompletableFuture<String> throwsBeforeReturning(RuntimeException failure) {
    bodies.incrementAndGet();
    throw failure;
  }

  @Traced(name = "async.null")
  public CompletableFuture<String> returnsNull() {
    bodies.incrementAndGet();
    return null;
  }

  @Traced(name = "async.at.return", endAtReturn = true)
  public Future<String> endsAtReturn(CompletableFuture<String> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.mono", attrs = "order.id = return.id")
  public Mono<Order> mono(Mono<Order> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.flux")
  public Flux<String> flux(Flux<String> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.single", attrs = "order.items = return.items")
  public Single<Order> single(Single<Order> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.maybe")
  public Maybe<String> maybe(Maybe<String> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.completable")
  public Completable completable(Completable result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.observable")
  public Observable<String> observable(Observable<String> result) {
    bodies.incrementAndGet();
    return result;
  }

  @Traced(name = "async.flowable")
  public Flowable<String> flowable(Flowable<String> result) {
    bodies.incrementAndGet();
    return result;
  }
}
