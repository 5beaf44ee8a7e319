package shop;

import dev.traced.Traced;

public class Stock {

  @Traced(name = "stock.reserve", attrs = "shop.item.sku = sku")
  public void reserve(String sku) {}
}
