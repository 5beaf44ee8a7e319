package shop;

import dev.traced.Traced;
import org.springframework.stereotype.Service;

@Service
public class Catalog {

  @Traced(name = "shop.unit_price", attrs = "shop.sku = sku")
  public long unitPriceCents(String sku) {
    if (sku.startsWith("unknown")) {
      throw new IllegalArgumentException("no such article: " + sku);
    }
    return 1250;
  }
}
