package shop;

import lombok.Value;

/** Lombok writes the getters the @Traced paths read: getSku(), getQuantity(), isGiftWrap(). */
@Value
public class QuoteRequest {
  String sku;
  int quantity;
  boolean giftWrap;
  Customer customer;
}
