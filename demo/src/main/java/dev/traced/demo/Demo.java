package dev.traced.demo;

import com.sun.net.httpserver.HttpServer;
import dev.traced.demo.shop.ShopFront;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The default command: the inventory service in a child process, the shop front in this one,
 * two orders sent to the shop front, then both stop. Each order is one trace, with spans from
 * both processes; the second order is out of stock, so its spans record the exception.
 */
final class Demo {

  private Demo() {}

  /** Returns the exit code: 0 when both orders were answered as expected. */
  static int run() throws IOException, InterruptedException {
    OpenTelemetrySdk sdk = Telemetry.start("shop");
    // Closed in reverse order: the child stops (and flushes its spans), then this SDK flushes.
    try (sdk; InventoryProcess inventory = InventoryProcess.start()) {
      HttpServer shop = ShopFront.start(sdk, Main.loopback(0), inventory.uri());
      System.out.println("shop listening on " + Main.uri(shop));
      try {
        URI checkout = Main.uri(shop).resolve(ShopFront.CHECKOUT);
        // The customer's side: a plain HttpClient sends no trace context, so each order starts
        // a new trace at the shop front.
        HttpClient customer = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        boolean asExpected = placeOrder(customer, checkout, 200, Forms.encode(
            "customer", "customer-17", "sku", "book-42", "quantity", "2",
            "gift_wrap", "true", "payment", "CARD"));
        asExpected &= placeOrder(customer, checkout, 409, Forms.encode(
            "customer", "customer-23", "sku", "mug-7", "quantity", "1", "payment", "INVOICE"));
        return asExpected ? 0 : 1;
      } finally {
        // Returns once the server's thread, which runs the handlers and ends their spans, is done.
        shop.stop(0);
      }
    }
  }

  private static boolean placeOrder(HttpClient customer, URI checkout, int expectedStatus,
      String order) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(checkout)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", Forms.CONTENT_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(order))
        .build();
    HttpResponse<String> response = customer.send(request, HttpResponse.BodyHandlers.ofString());
    System.out.println(response.body().strip());
    if (response.statusCode() != expectedStatus) {
      System.out.println("expected HTTP " + expectedStatus + ", got " + response.statusCode());
      return false;
    }
    return true;
  }
}
