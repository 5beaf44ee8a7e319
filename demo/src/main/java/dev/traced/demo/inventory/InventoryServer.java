package dev.traced.demo.inventory;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.traced.demo.Forms;
import dev.traced.demo.OutOfStockException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.javahttpserver.JavaHttpServerTelemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * The inventory service: one endpoint on the JDK's built-in HTTP server.
 *
 * <pre>
 * POST /reservations   sku=book-42&amp;quantity=2
 *   200  unit_price_cents=1999
 *   409  sku=mug-7&amp;requested=1&amp;available=0
 *   400  what is wrong with the request (text)
 * </pre>
 */
public final class InventoryServer {

  public static final String RESERVATIONS = "/reservations";

  private InventoryServer() {}

  /** Starts the service on {@code address} (port 0: any free port); stop it with {@code stop}. */
  public static HttpServer start(OpenTelemetry openTelemetry, InetSocketAddress address)
      throws IOException {
    InventoryService inventory = new InventoryService();
    HttpServer server = HttpServer.create(address, 0);
    HttpContext reservations = server.createContext(RESERVATIONS,
        exchange -> Forms.servePost(exchange, form -> reserve(inventory, exchange, form)));
    // OpenTelemetry's library instrumentation adds a filter that reads the caller's traceparent
    // header and runs the handler inside a SERVER span of that trace.
    JavaHttpServerTelemetry.create(openTelemetry).configure(reservations);
    // No executor: requests are handled one at a time, on the server's own thread.
    server.start();
    return server;
  }

  private static void reserve(
      InventoryService inventory, HttpExchange exchange, Map<String, String> form)
      throws IOException {
    String sku = Forms.required(form, "sku");
    int quantity = Forms.positiveInt(form, "quantity");
    try {
      inventory.reserve(sku, quantity);
      Forms.reply(exchange, 200, Forms.CONTENT_TYPE,
          Forms.encode("unit_price_cents", Long.toString(inventory.unitPriceInCents(sku))));
    } catch (OutOfStockException e) {
      Forms.reply(exchange, 409, Forms.CONTENT_TYPE, Forms.encode(
          "sku", e.sku(),
          "requested", Integer.toString(e.requested()),
          "available", Integer.toString(e.available())));
    }
  }
}
