package dev.traced.demo.inventory;

import dev.traced.Traced;
import dev.traced.demo.OutOfStockException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stock and prices. Reserving stock is traced; a failed reservation throws a checked exception. */
public class InventoryService {

  private static final Logger log = LoggerFactory.getLogger(InventoryService.class);

  private final Map<String, Integer> stock = new HashMap<>(Map.of("book-42", 1000, "mug-7", 0));
  private final Map<String, Long> unitPricesInCents = Map.of("book-42", 1999L, "mug-7", 899L);

  /**
   * Takes {@code quantity} items of {@code sku} out of stock. No {@code name}: the span is called
   * {@code InventoryService.reserve}. The int {@code quantity} becomes a long attribute. When this
   * throws, the span gets status ERROR and an exception event, and the exception goes on unchanged.
   *
   * <p>Its parent is the SERVER span that OpenTelemetry's HTTP server instrumentation started for
   * the request, which continues the caller's trace: so this span, in the inventory process, is
   * in the same trace as the shop front's spans, and so are the lines it logs.
   */
  @Traced(attrs = {"shop.item.sku = sku", "shop.item.quantity = quantity"})
  public synchronized void reserve(String sku, int quantity) throws OutOfStockException {
    int available = stock.getOrDefault(sku, 0);
    if (available < quantity) {
      log.warn("cannot reserve {} x {}: {} in stock", quantity, sku, available);
      throw new OutOfStockException(sku, quantity, available);
    }
    stock.put(sku, available - quantity);
    log.info("reserved {} x {}, {} left", quantity, sku, available - quantity);
  }

  /** Not traced: not every method needs a span. */
  public long unitPriceInCents(String sku) {
    return unitPricesInCents.getOrDefault(sku, 0L);
  }
}
