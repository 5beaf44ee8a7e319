package shop;

import lombok.Value;

/**
 * Lombok writes getSku() and getQuantity(); the traced processor, which runs after Lombok, reads
 * them for Orders.place's attributes. Without Lombok first, the fields are private: a compile
 * error.
 */
@Value
public class Order {
  String sku;
  int quantity;
}
