package shop;

import dev.traced.Traced;

class Payments {

  @Traced(name = "payments.pay", kind = Traced.Kind.CLIENT,
      attrs = {"server.port = 443", "messaging.system = 'kafka'", "shop.amount = cents"})
  void pay(String id, int cents) {}

  @Traced
  void refund(String id) {}

  /** Settles the day's payments, in the background, in a trace of its own. */
  @Traced(name = "payments.settle", newTrace = true, expected = java.util.NoSuchElementException.class)
  java.util.concurrent.CompletableFuture<Integer> settle() {
    return java.util.concurrent.CompletableFuture.completedFuture(1);
  }
}
