package dev.traced.demo;

import dev.traced.Traced;
import dev.traced.demo.InventoryService.OutOfStockException;

/** Handles an incoming order: the entry point of each trace. */
public class OrderService {

  /** What a successful checkout returns. */
  public record Receipt(String orderId, long totalInCents, String paymentId) {}

  static final double TAX_RATE = 0.2;

  private final InventoryService inventory;
  private final PaymentService payments;
  private int lastOrderNumber = 1000;

  public OrderService(InventoryService inventory, PaymentService payments) {
    this.inventory = inventory;
    this.payments = payments;
  }

  /**
   * Places an order. Kind SERVER: this is where a request from outside enters the application,
   * so its span is the root of the trace; the traced methods it calls become child spans. Each
   * parameter attribute takes its type from the parameter: String, int (as long), boolean, and an
   * enum (as its name).
   */
  @Traced(name = "checkout", kind = Traced.Kind.SERVER, attrs = {
      "shop.channel = 'web'",
      "shop.customer.id = customerId",
      "shop.item.sku = sku",
      "shop.item.quantity = quantity",
      "shop.gift_wrap = giftWrap",
      "shop.payment.method = method"})
  public Receipt checkout(
      String customerId, String sku, int quantity, boolean giftWrap, PaymentService.Method method)
      throws OutOfStockException {
    inventory.reserve(sku, quantity);
    long total = Pricing.total(inventory.unitPriceInCents(sku), quantity, TAX_RATE);
    String paymentId = payments.charge(customerId, total, method);
    return confirm("order-" + ++lastOrderNumber, total, paymentId);
  }

  /** A private method is traced too: the weave changes the class itself, not a proxy. */
  @Traced(attrs = "shop.order.id = orderId")
  private Receipt confirm(String orderId, long totalInCents, String paymentId) {
    return new Receipt(orderId, totalInCents, paymentId);
  }
}
