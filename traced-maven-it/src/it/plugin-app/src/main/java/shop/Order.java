package shop;

/** An order line. The Lombok fixtures replace it with a Lombok class of the same shape. */
public record Order(String sku, int quantity) {}
