package dev.traced.demo;

import dev.traced.demo.InventoryService.OutOfStockException;
import dev.traced.demo.OrderService.Receipt;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo: installs the OpenTelemetry SDK, places two orders (one succeeds, one is out of stock)
 * and shuts the SDK down, which flushes every span before the JVM exits.
 *
 * <p>The application code ({@link #run}) knows nothing about OpenTelemetry; only {@code main}
 * does, to install the SDK. Run {@code java -jar demo/target/traced-demo.jar}.
 */
public final class ShopApplication {

  /**
   * The demo's defaults for SDK autoconfigure: spans to the console, nothing else exported. They
   * are only defaults: every standard {@code OTEL_*} environment variable and {@code otel.*}
   * system property overrides them, e.g. {@code OTEL_TRACES_EXPORTER=none}.
   */
  static final Map<String, String> SDK_DEFAULTS = Map.of(
      "otel.service.name", "traced-demo",
      // "console" logs one line per span, as the span ends (autoconfigure gives it a simple,
      // not a batching, span processor).
      "otel.traces.exporter", "console",
      "otel.metrics.exporter", "none",
      "otel.logs.exporter", "none");

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private ShopApplication() {}

  public static void main(String[] args) {
    useOneLineLogFormat();
    AtomicReference<Resource> resource = new AtomicReference<>(Resource.empty());
    try (OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> SDK_DEFAULTS)
        .addResourceCustomizer((configured, config) -> {
          resource.set(configured); // only to print the service name below
          return configured;
        })
        // traced finds the SDK as the global OpenTelemetry.
        .setResultAsGlobal()
        // Closed by try-with-resources instead, which waits until every span is exported.
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk()) {
      System.out.println("traced-demo: service.name=" + resource.get().getAttribute(SERVICE_NAME));
      run(System.out);
    }
  }

  /**
   * The application itself: two orders, each a trace of its own. The second asks for an item
   * that is out of stock; its exception is recorded on the spans, then caught here.
   */
  public static void run(PrintStream out) {
    OrderService orders = new OrderService(new InventoryService(), new PaymentService());
    placeOrder(orders, out, "customer-17", "book-42", 2, true, PaymentService.Method.CARD);
    placeOrder(orders, out, "customer-23", "mug-7", 1, false, PaymentService.Method.INVOICE);
  }

  private static void placeOrder(OrderService orders, PrintStream out, String customerId,
      String sku, int quantity, boolean giftWrap, PaymentService.Method method) {
    try {
      Receipt receipt = orders.checkout(customerId, sku, quantity, giftWrap, method);
      out.printf("Order %s confirmed: %d x %s, total %d.%02d, payment %s%n", receipt.orderId(),
          quantity, sku, receipt.totalInCents() / 100, receipt.totalInCents() % 100,
          receipt.paymentId());
    } catch (OutOfStockException e) {
      out.println("Order rejected: " + e.getMessage());
    }
  }

  /**
   * The console exporter logs through java.util.logging, whose default format takes two lines
   * per record. Unless the user chose a format, print one: "INFO: 'span name' : trace-id ...".
   */
  private static void useOneLineLogFormat() {
    String key = "java.util.logging.SimpleFormatter.format";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "%4$s: %5$s%6$s%n");
    }
  }
}
