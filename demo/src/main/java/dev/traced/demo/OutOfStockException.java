package dev.traced.demo;

/**
 * An order asked for more items than are in stock. The inventory service throws it, answers
 * 409 with its three fields, and the shop front's client throws it again from that answer.
 */
public class OutOfStockException extends Exception {

  private final String sku;
  private final int requested;
  private final int available;

  public OutOfStockException(String sku, int requested, int available) {
    super(sku + ": " + requested + " requested, " + available + " in stock");
    this.sku = sku;
    this.requested = requested;
    this.available = available;
  }

  public String sku() {
    return sku;
  }

  public int requested() {
    return requested;
  }

  public int available() {
    return available;
  }
}
