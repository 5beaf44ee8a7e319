package shop;

import dev.traced.Traced;
import lombok.extern.slf4j.Slf4j;
import org.springframework.stereotype.Service;

@Slf4j
@Service
public class Pricing {

  private final Catalog catalog;

  public Pricing(Catalog catalog) {
    this.catalog = catalog;
  }

  @Traced(name = "shop.quote", attrs = {
      "shop.sku = request.sku",
      "shop.quantity = request.quantity",
      "shop.gift_wrap = request.giftWrap",
      "shop.customer.id = request.customer.id",
      "shop.customer.member = request.customer.member",
      "shop.total_cents = return.totalCents"})
  public Quote quote(QuoteRequest request) {
    log.info("quoting {} x {} for {}", request.getQuantity(), request.getSku(),
        request.getCustomer().getId());
    long unit = catalog.unitPriceCents(request.getSku());
    return new Quote(request.getSku(), unit * request.getQuantity() + (request.isGiftWrap() ? 300 : 0));
  }
}
