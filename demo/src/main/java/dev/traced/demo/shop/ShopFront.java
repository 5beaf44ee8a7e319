package dev.traced.demo.shop;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.traced.demo.Forms;
import dev.traced.demo.OutOfStockException;
import dev.traced.demo.shop.OrderService.Receipt;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.javahttpclient.JavaHttpClientTelemetry;
import io.opentelemetry.instrumentation.javahttpserver.JavaHttpServerTelemetry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop front: takes orders over HTTP and reserves their items in the inventory service.
 *
 * <pre>
 * POST /checkout   customer=customer-17&amp;sku=book-42&amp;quantity=2[&amp;gift_wrap=true][&amp;payment=INVOICE]
 *   200  Order order-1001 confirmed: 2 x book-42, total 47.98, payment pay-5001
 *   409  Order rejected: mug-7: 1 requested, 0 in stock
 *   400  what is wrong with the request
 *   503  the inventory service cannot be reached
 * </pre>
 */
public final class ShopFront {

  public static final String CHECKOUT = "/checkout";

  private static final Logger log = LoggerFactory.getLogger(ShopFront.class);

  private ShopFront() {}

  /**
   * Starts the shop front on {@code address} (port 0: any free port), calling the inventory
   * service at {@code inventory}; stop it with {@code stop}.
   */
  public static HttpServer start(OpenTelemetry openTelemetry, InetSocketAddress address,
      URI inventory) throws IOException {
    // OpenTelemetry's library instrumentation wraps the JDK HttpClient: each call gets a CLIENT
    // span, whose context the propagators of openTelemetry (W3C Trace Context by default) write
    // into the request as a traceparent header.
    HttpClient http = JavaHttpClientTelemetry.create(openTelemetry)
        .newHttpClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
    OrderService orders = new OrderService(new InventoryClient(http, inventory),
        new PaymentService());

    HttpServer server = HttpServer.create(address, 0);
    HttpContext checkout = server.createContext(
        CHECKOUT, exchange -> Forms.servePost(exchange, form -> checkout(orders, exchange, form)));
    // A SERVER span for each request. No traceparent comes with an order from outside, so it is
    // the root of a new trace.
    JavaHttpServerTelemetry.create(openTelemetry).configure(checkout);
    // No executor: requests are handled one at a time, on the server's own thread.
    server.start();
    return server;
  }

  private static void checkout(
      OrderService orders, HttpExchange exchange, Map<String, String> form) throws IOException {
    String customerId = Forms.required(form, "customer");
    String sku = Forms.required(form, "sku");
    int quantity = Forms.positiveInt(form, "quantity");
    boolean giftWrap = parseBoolean(form.getOrDefault("gift_wrap", "false"), "gift_wrap");
    PaymentService.Method method = parseMethod(form.getOrDefault("payment", "CARD"));
    try {
      Receipt receipt = orders.checkout(customerId, sku, quantity, giftWrap, method);
      Forms.replyText(exchange, 200, String.format(Locale.ROOT,
          "Order %s confirmed: %d x %s, total %d.%02d, payment %s", receipt.orderId(), quantity,
          sku, receipt.totalInCents() / 100, receipt.totalInCents() % 100, receipt.paymentId()));
    } catch (OutOfStockException e) {
      Forms.replyText(exchange, 409, "Order rejected: " + e.getMessage());
    } catch (InventoryUnavailableException e) {
      // Logged inside the SERVER span of the request: no traced span is current here any more.
      log.error("order not placed: {}", e.getMessage());
      Forms.replyText(exchange, 503, "Order not placed: " + e.getMessage());
    }
  }

  private static boolean parseBoolean(String value, String name) {
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw new Forms.BadRequest(name + " must be true or false, not '" + value + "'");
  }

  private static PaymentService.Method parseMethod(String value) {
    try {
      return PaymentService.Method.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new Forms.BadRequest("payment must be CARD or INVOICE, not '" + value + "'");
    }
  }
}
