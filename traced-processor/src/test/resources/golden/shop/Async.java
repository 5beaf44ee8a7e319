package shop;

import dev.traced.Traced;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class Async {

  static class NotFoundException extends RuntimeException {}

  record Order(String id, int items) {}

  @Traced(
      attrs = {"shop.order.id = return.id", "shop.items = return.items"},
      expected = NotFoundException.class)
  CompletableFuture<Order> find(String id) {
    return CompletableFuture.completedFuture(new Order(id, 1));
  }

  @Traced(expected = {FileNotFoundException.class, NotFoundException.class})
  CompletionStage<Void> load(String path) throws IOException {
    return CompletableFuture.completedFuture(null);
  }

  @Traced(newTrace = true, kind = Traced.Kind.CONSUMER, attrs = "shop.tags = tags")
  void consume(List<String> tags) {}

  @Traced(endAtReturn = true)
  Future<String> fire() {
    return CompletableFuture.completedFuture("fired");
  }

  @Traced(attrs = "shop.order.id = return.id")
  Mono<Order> next() {
    return Mono.empty();
  }

  @Traced
  Flux<Order> all() {
    return Flux.empty();
  }
}
