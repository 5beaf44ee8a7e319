package shop;

import dev.traced.Traced;

/** Takes orders. */
public class Orders {

  private final Payments payments = new Payments();

  /**
   * Places an order for a customer, with {@code quantity} items. Checks the stock first.
   *
   * @param order the order
   * @return the receipt
   */
  @Traced(name = "order.place", kind = Traced.Kind.SERVER, attrs = {
      "shop.channel = 'web'",
      "shop.order.id = order.id",
      "shop.items = quantity",
      "http.request.method = method",
      "shop.total = return.total"})
  public Receipt place(Order order, int quantity, String method) {
    Receipt receipt = new Receipt(charge(order), quantity);
    payments.pay(order.id(), 2);
    Audit.record(order.id());
    Runnable later = () -> payments.refund(order.id());
    later.run();
    return receipt;
  }

  /** Charges the {@link Order order}'s <b>total</b>|all of it. */
  @SuppressWarnings("traced:deprecated-key")
  @Traced(attrs = "http.method = 'POST'")
  long charge(Order order) {
    return 1;
  }

  public record Order(String id) {}

  public record Receipt(long total, int items) {}
}
