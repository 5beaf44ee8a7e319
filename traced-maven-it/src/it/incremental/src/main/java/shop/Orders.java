package shop;

import dev.traced.Traced;

public class Orders {

  private final Stock stock = new Stock();

  /** Places an order. */
  @Traced(name = "order.place", attrs = "shop.item.sku = sku")
  public void place(String sku) {
    stock.reserve(sku);
  }
}
