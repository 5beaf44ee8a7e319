package dev.traced.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A customer of a running shop front: places orders as its HTML form would post them. */
final class Customer {

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final URI shop;

  Customer(URI shop) {
    this.shop = shop;
  }

  /**
   * POSTs {@code /checkout} with the customer, item and quantity, then any more form fields
   * (names and values), and returns "status body".
   */
  String order(String customerId, String sku, int quantity, String... moreFields)
      throws IOException, InterruptedException {
    String[] fields = new String[6 + moreFields.length];
    String[] first = {"customer", customerId, "sku", sku, "quantity", Integer.toString(quantity)};
    System.arraycopy(first, 0, fields, 0, 6);
    System.arraycopy(moreFields, 0, fields, 6, moreFields.length);
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(shop.resolve("/checkout"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", Forms.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(Forms.encode(fields)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body().strip();
  }
}
