package shop;

import dev.traced.Traced;

/** Golden input: one literal of every kind, an explicit name and a span kind. */
class Literals {

  @Traced(
      name = "checkout",
      kind = Traced.Kind.SERVER,
      attrs = {
        "shop.channel = 'web'",
        "shop.note = 'it''s \"quoted\" \\ */'",
        "shop.empty = ''",
        "shop.items = 42",
        "shop.delta = -7",
        "shop.ratio = 1.5",
        "shop.scale = 1e3",
        "shop.small = -0.25",
        "shop.express = true",
        "shop.gift = false"
      })
  void checkout() {}

  @Traced(kind = Traced.Kind.CLIENT, attrs = "shop.channel = 'api'")
  void call() {}

  @Traced(kind = Traced.Kind.PRODUCER)
  void send() {}

  @Traced(kind = Traced.Kind.CONSUMER)
  void receive() {}
}
