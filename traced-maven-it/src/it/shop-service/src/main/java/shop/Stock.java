package shop;

import dev.traced.Traced;
import org.springframework.stereotype.Service;

/** reserve and reserveUntraced do the same; only the first is traced. */
@Service
public class Stock {

  @Traced(name = "shop.reserve", attrs = {"shop.sku = sku", "shop.quantity = quantity"})
  public String reserve(String sku, int quantity) throws OutOfStockException {
    return reserveUntraced(sku, quantity);
  }

  public String reserveUntraced(String sku, int quantity) throws OutOfStockException {
    if (sku.startsWith("unknown")) {
      throw new IllegalStateException("no such article: " + sku);
    }
    if (sku.startsWith("sold-out")) {
      throw new OutOfStockException(sku, quantity);
    }
    return "reserved " + quantity + " x " + sku;
  }
}
