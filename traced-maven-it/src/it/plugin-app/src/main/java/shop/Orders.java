package shop;

import dev.traced.Traced;

public class Orders {

  /** The paths read Order's properties: record components here, Lombok's getters there. */
  @Traced(name = "order.place",
      attrs = {"shop.item.sku = order.sku", "shop.item.quantity = order.quantity"})
  public String place(Order order) {
    return "placed";
  }
}
