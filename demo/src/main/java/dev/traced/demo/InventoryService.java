package dev.traced.demo;

import dev.traced.Traced;
import java.util.HashMap;
import java.util.Map;

/** Stock and prices. Reserving stock is traced; a failed reservation throws a checked exception. */
public class InventoryService {

  /** Thrown when an order asks for more items than are in stock. */
  public static class OutOfStockException extends Exception {
    public OutOfStockException(String sku, int requested, int available) {
      super(sku + ": " + requested + " requested, " + available + " in stock");
    }
  }

  private final Map<String, Integer> stock = new HashMap<>(Map.of("book-42", 10, "mug-7", 0));
  private final Map<String, Long> unitPricesInCents = Map.of("book-42", 1999L, "mug-7", 899L);

  /**
   * Takes {@code quantity} items of {@code sku} out of stock. No {@code name}: the span is called
   * {@code InventoryService.reserve}. The int {@code quantity} becomes a long attribute. When this
   * throws, the span gets status ERROR and an exception event, and the exception goes on unchanged.
   */
  @Traced(attrs = {"shop.item.sku = sku", "shop.item.quantity = quantity"})
  public void reserve(String sku, int quantity) throws OutOfStockException {
    int available = stock.getOrDefault(sku, 0);
    if (available < quantity) {
      throw new OutOfStockException(sku, quantity, available);
    }
    stock.put(sku, available - quantity);
  }

  /** Not traced: not every method needs a span. */
  public long unitPriceInCents(String sku) {
    return unitPricesInCents.getOrDefault(sku, 0L);
  }
}
