package dev.traced.demo.shop;

import dev.traced.Traced;

/** Price arithmetic; shows a traced static method and a double attribute. */
public final class Pricing {

  private Pricing() {}

  /** The price of {@code quantity} items with tax, in cents. Span name: {@code Pricing.total}. */
  @Traced(attrs = {
      "shop.item.unit_price_cents = unitPriceInCents",
      "shop.item.quantity = quantity",
      "shop.tax.rate = taxRate"})
  public static long total(long unitPriceInCents, int quantity, double taxRate) {
    return Math.round(unitPriceInCents * quantity * (1 + taxRate));
  }
}
