package dev.traced.demo.shop;

import dev.traced.Traced;
import dev.traced.demo.Forms;
import dev.traced.demo.OutOfStockException;
import dev.traced.demo.inventory.InventoryServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The shop front's side of the inventory service: one HTTP call per reservation. */
public class InventoryClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI reservations;

  /**
   * @param http an HttpClient wrapped by OpenTelemetry's instrumentation, which sends each
   *     request inside a CLIENT span, with that span's W3C {@code traceparent} header
   * @param inventory where the inventory service listens, e.g. {@code http://127.0.0.1:8081}
   */
  public InventoryClient(HttpClient http, URI inventory) {
    this.http = http;
    this.reservations = inventory.resolve(InventoryServer.RESERVATIONS);
  }

  /**
   * Reserves stock in the inventory service and returns the unit price in cents. Traced: its span
   * carries what the shop asked for, and records an {@link OutOfStockException} or an
   * {@link InventoryUnavailableException}; the CLIENT span of the HTTP call is its child.
   */
  @Traced(attrs = {"shop.item.sku = sku", "shop.item.quantity = quantity"})
  public long reserve(String sku, int quantity) throws OutOfStockException {
    HttpRequest request = HttpRequest.newBuilder(reservations)
        .timeout(TIMEOUT)
        .header("Content-Type", Forms.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(
            Forms.encode("sku", sku, "quantity", Integer.toString(quantity))))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new InventoryUnavailableException("cannot reach " + reservations + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InventoryUnavailableException("interrupted while calling " + reservations, e);
    }
    Map<String, String> answer = Forms.decode(response.body().strip());
    try {
      switch (response.statusCode()) {
        case 200:
          return Long.parseLong(answer.get("unit_price_cents"));
        case 409:
          throw new OutOfStockException(answer.get("sku"),
              Integer.parseInt(answer.get("requested")), Integer.parseInt(answer.get("available")));
        default:
          break;
      }
    } catch (NumberFormatException e) {
      // reported below, like any other answer the shop does not understand
    }
    throw new InventoryUnavailableException(
        "inventory answered " + response.statusCode() + ": " + response.body().strip());
  }
}
