package dev.traced.agentit;

import dev.traced.Traced;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The client side: a traced method around an HTTP call, and a traced method that fails. */
public final class Shop {

  private final HttpClient client;

  Shop(HttpClient client) {
    this.client = client;
  }

  /** Reserves {@code quantity} of {@code sku} at the inventory service; returns the status code. */
  @Traced(
      name = "shop.order",
      attrs = {
        "shop.item.sku = sku",
        "shop.item.quantity = quantity",
        "shop.order.express = express",
        "shop.order.status = return"
      })
  public int order(URI inventory, String sku, int quantity, boolean express)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(inventory + "?sku=" + sku + "&quantity=" + quantity))
        .GET()
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("inventory answered " + response.statusCode() + ": " + response.body());
    }
    return response.statusCode();
  }

  @Traced(name = "shop.cancel", attrs = "shop.order.id = orderId")
  public void cancel(String orderId) {
    throw new IllegalStateException("order " + orderId + " has already shipped");
  }
}
