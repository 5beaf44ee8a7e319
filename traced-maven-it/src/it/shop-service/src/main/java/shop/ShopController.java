package shop;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ShopController {

  private final Pricing pricing;
  private final Stock stock;

  public ShopController(Pricing pricing, Stock stock) {
    this.pricing = pricing;
    this.stock = stock;
  }

  @GetMapping("/quotes/{sku}")
  public Quote quote(@PathVariable String sku, @RequestParam int quantity,
      @RequestParam boolean giftWrap, @RequestParam String customer) {
    return pricing.quote(new QuoteRequest(sku, quantity, giftWrap, new Customer(customer, true)));
  }

  /** The same path either way, so that Spring's answers to a failure can be compared whole. */
  @GetMapping("/reservations/{sku}")
  public String reserve(@PathVariable String sku, @RequestParam int quantity,
      @RequestParam boolean traced) throws OutOfStockException {
    return traced ? stock.reserve(sku, quantity) : stock.reserveUntraced(sku, quantity);
  }

  @ExceptionHandler(OutOfStockException.class)
  public ResponseEntity<Map<String, String>> outOfStock(OutOfStockException e) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", "out of stock");
    body.put("detail", e.getMessage());
    return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
  }
}
