package shop;

import dev.traced.Traced;

class Payments {

  @Traced(name = "payments.pay", kind = Traced.Kind.CLIENT,
      attrs = {"server.port = 443", "messaging.system = 'kafka'", "shop.amount = cents"})
  void pay(String id, int cents) {}

  @Traced
  void refund(String id) {}
}
