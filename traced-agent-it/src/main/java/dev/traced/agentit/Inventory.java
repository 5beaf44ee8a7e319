package dev.traced.agentit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.traced.Traced;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The server side: an HTTP handler that calls a traced method. */
public final class Inventory implements HttpHandler {

  static final String PATH = "/reservations";
  private static final long STOCK = 100;

  /** What is left of an item after a reservation. */
  public record Stock(String sku, long left, double fillRatio) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Stock stock = reserve(query.get("sku"), Long.parseLong(query.get("quantity")));
      byte[] body = (stock.left() + " left").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    } finally {
      exchange.close();
    }
  }

  @Traced(
      name = "inventory.reserve",
      attrs = {
        "shop.item.sku = sku",
        "shop.item.quantity = quantity",
        "shop.stock.left = return.left",
        "shop.stock.fill_ratio = return.fillRatio"
      })
  Stock reserve(String sku, long quantity) {
    long left = STOCK - quantity;
    return new Stock(sku, left, (double) left / STOCK);
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    for (String parameter : rawQuery.split("&")) {
      int equals = parameter.indexOf('=');
      parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1));
    }
    return parameters;
  }
}
