package dev.traced.demo.shop;

/** The inventory service could not be reached, or gave an answer the shop does not understand. */
public class InventoryUnavailableException extends RuntimeException {

  public InventoryUnavailableException(String message) {
    super(message);
  }

  public InventoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
