package dev.traced.demo.shop;

import dev.traced.Traced;
import dev.traced.demo.OutOfStockException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Places an order: reserves the items in the inventory service, prices them, charges. */
public class OrderService {

  /** What a successful checkout returns. */
  public record Receipt(String orderId, long totalInCents, String paymentId) {}

  static final double TAX_RATE = 0.2;

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private final InventoryClient inventory;
  private final PaymentService payments;
  private final AtomicInteger lastOrderNumber = new AtomicInteger(1000);

  public OrderService(InventoryClient inventory, PaymentService payments) {
    this.inventory = inventory;
    this.payments = payments;
  }

  /**
   * Places an order. Kind INTERNAL (the default): the request enters the shop front through
   * OpenTelemetry's HTTP server instrumentation, whose SERVER span is this span's parent; the
   * traced methods called here become its children, the reservation in the inventory service
   * too, across the process boundary. Each parameter attribute takes its type from the
   * parameter: String, int (as long), boolean, and an enum (as its name).
   *
   * <p>Its log lines are written inside its span, so they carry that span's trace and span ids.
   */
  @Traced(name = "checkout", attrs = {
      "shop.channel = 'web'",
      "shop.customer.id = customerId",
      "shop.item.sku = sku",
      "shop.item.quantity = quantity",
      "shop.gift_wrap = giftWrap",
      "shop.payment.method = method"})
  public Receipt checkout(
      String customerId, String sku, int quantity, boolean giftWrap, PaymentService.Method method)
      throws OutOfStockException {
    long unitPriceInCents;
    try {
      unitPriceInCents = inventory.reserve(sku, quantity);
    } catch (OutOfStockException e) {
      log.warn("order rejected: {}", e.getMessage());
      throw e;
    }
    long total = Pricing.total(unitPriceInCents, quantity, TAX_RATE);
    String paymentId = payments.charge(customerId, total, method);
    Receipt receipt = confirm("order-" + lastOrderNumber.incrementAndGet(), total, paymentId);
    log.info("order {} placed: {} x {} for {}, {} cents, payment {}", receipt.orderId(), quantity,
        sku, customerId, total, paymentId);
    return receipt;
  }

  /** A private method is traced too: the weave changes the class itself, not a proxy. */
  @Traced(attrs = "shop.order.id = orderId")
  private Receipt confirm(String orderId, long totalInCents, String paymentId) {
    return new Receipt(orderId, totalInCents, paymentId);
  }
}
