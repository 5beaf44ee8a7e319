package shop;

/** Checked: the woven code rethrows it as it is. */
public class OutOfStockException extends Exception {

  public OutOfStockException(String sku, int quantity) {
    super(sku + ": " + quantity + " requested, 0 in stock");
  }
}
