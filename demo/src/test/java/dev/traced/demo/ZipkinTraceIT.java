package dev.traced.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import zipkin2.Annotation;
import zipkin2.Span;
import zipkin2.Span.Kind;
import zipkin2.codec.SpanBytesDecoder;

/**
 * End to end against a real tracing backend: Zipkin's own server (its executable jar from Maven
 * Central, fetched by the pom into target/zipkin) as a process on a free port of loopback, both
 * demo services sending their spans to it with the Zipkin exporter, configured only by OTEL_*
 * variables as docs/demo.md shows; then each order's trace is read back through Zipkin's HTTP
 * API, as its UI reads it. This is what a user sees: both services, the shop's client span as
 * the parent of the inventory's server span, traced spans with their attributes as tags, and the
 * out-of-stock order's error.
 *
 * <p>Zipkin's JSON is decoded with Zipkin's own codec ({@code io.zipkin.zipkin2:zipkin}, on the
 * class path because the demo's Zipkin exporter is built on it).
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ZipkinTraceIT {

  private static final Path ZIPKIN_JAR =
      Path.of(System.getProperty("zipkin.server.jar", "target/zipkin/zipkin-server.jar"));
  /** Zipkin (Spring Boot and Armeria) takes 5 s on an idle machine, far longer on a busy one. */
  private static final Duration ZIPKIN_START = Duration.ofSeconds(150);
  /** Zipkin stores what it accepted asynchronously: a stored trace may lag behind the POST. */
  private static final Duration TRACE_STORED = Duration.ofSeconds(30);
  /** What Zipkin's HTTP server (Armeria) logs once it listens. */
  private static final Pattern SERVING = Pattern.compile("Serving HTTP at /127\\.0\\.0\\.1:(\\d+)");
  private static final String OUT_OF_STOCK = "dev.traced.demo.OutOfStockException";

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private DemoProcess zipkin;
  private URI zipkinUri;
  private DemoProcess inventory;
  private DemoProcess shop;

  @BeforeEach
  void startZipkin() throws Exception {
    assertThat(ZIPKIN_JAR).as("Zipkin's server, fetched by the pom before the tests")
        .isRegularFile();
    // Its one port: bound to loopback, any free port (0), which Zipkin's server then logs.
    zipkin = DemoProcess.startJava("zipkin", Map.of(), List.of(
        "-Xmx384m", "-jar", ZIPKIN_JAR.toString(),
        "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=0"));
    zipkinUri = URI.create(
        "http://127.0.0.1:" + zipkin.awaitOutput(SERVING, ZIPKIN_START).group(1));
    awaitHealthy();
  }

  @AfterEach
  void stopEverything() {
    for (DemoProcess process : new DemoProcess[] {shop, inventory, zipkin}) {
      if (process != null) {
        process.close();
      }
    }
  }

  @Test
  void zipkinShowsEachOrderAsOneTraceAcrossBothServices() throws Exception {
    // As docs/demo.md sends the demo's spans to Zipkin, with a short batch delay.
    Map<String, String> toZipkin = Map.of(
        "OTEL_TRACES_EXPORTER", "zipkin",
        "OTEL_EXPORTER_ZIPKIN_ENDPOINT", zipkinUri.resolve("/api/v2/spans").toString(),
        "OTEL_BSP_SCHEDULE_DELAY", "200");
    inventory = DemoProcess.startService("inventory", toZipkin, "inventory", "--port", "0");
    shop = DemoProcess.startService("shop", toZipkin,
        "shop", "--port", "0", "--inventory", inventory.uri().toString());

    Customer customer = new Customer(shop.uri());
    assertThat(customer.order("customer-17", "book-42", 2, "gift_wrap", "true", "payment", "CARD"))
        .startsWith("200 Order order-1001 confirmed");
    assertThat(customer.order("customer-23", "mug-7", 1, "payment", "INVOICE"))
        .startsWith("409 Order rejected");
    // Stopping runs each service's shutdown hook, which sends what the exporter still holds.
    shop.stop();
    inventory.stop();

    // The trace of each order, by the ids in the shop's log lines (the UI links them the same way).
    List<LogLine> shopLog = LogLine.in(shop.output());
    assertThat(shopLog).extracting(LogLine::level).containsExactly("INFO", "WARN");
    Map<String, Span> confirmed = trace(shopLog.get(0).traceId(), 9);
    Map<String, Span> rejected = trace(shopLog.get(1).traceId(), 6);

    assertThat(get("/api/v2/services")).isEqualTo("[\"inventory\",\"shop\"]");

    // Every span of the confirmed order, where it came from, its kind (Zipkin has none for
    // internal spans) and its parent. Zipkin keeps span names in lower case.
    assertThat(confirmed.values())
        .extracting(Span::localServiceName, Span::name, Span::kind)
        .containsExactlyInAnyOrder(
            tuple("shop", "post /checkout", Kind.SERVER),
            tuple("shop", "checkout", null),
            tuple("shop", "inventoryclient.reserve", null),
            tuple("shop", "post", Kind.CLIENT),
            tuple("inventory", "post /reservations", Kind.SERVER),
            tuple("inventory", "inventoryservice.reserve", null),
            tuple("shop", "pricing.total", null),
            tuple("shop", "payments.charge", Kind.CLIENT),
            tuple("shop", "orderservice.confirm", null));
    assertThat(confirmed.get("post /checkout").parentId()).isNull();
    assertParent(confirmed, "checkout", "post /checkout");
    assertParent(confirmed, "inventoryclient.reserve", "checkout");
    assertParent(confirmed, "post", "inventoryclient.reserve");
    // Across the process boundary: the shop's CLIENT span is the parent of the inventory's SERVER.
    assertParent(confirmed, "post /reservations", "post");
    assertParent(confirmed, "inventoryservice.reserve", "post /reservations");
    assertParent(confirmed, "pricing.total", "checkout");
    assertParent(confirmed, "payments.charge", "checkout");
    assertParent(confirmed, "orderservice.confirm", "checkout");

    // traced spans: their attributes arrive as tags (Zipkin's tags are strings), with the
    // instrumentation scope that made them.
    assertThat(confirmed.get("checkout").tags())
        .containsEntry("shop.channel", "web")
        .containsEntry("shop.customer.id", "customer-17")
        .containsEntry("shop.item.sku", "book-42")
        .containsEntry("shop.item.quantity", "2")
        .containsEntry("shop.gift_wrap", "true")
        .containsEntry("shop.payment.method", "CARD")
        .containsEntry("code.function.name", "dev.traced.demo.shop.OrderService.checkout")
        .containsEntry("otel.scope.name", "dev.traced")
        .doesNotContainKey("error");
    assertThat(confirmed.get("inventoryservice.reserve").tags())
        .containsEntry("shop.item.sku", "book-42")
        .containsEntry("shop.item.quantity", "2")
        .containsEntry("otel.scope.name", "dev.traced");
    assertThat(confirmed.get("pricing.total").tags())
        .containsEntry("shop.item.unit_price_cents", "1999")
        .containsEntry("shop.tax.rate", "0.2");
    assertThat(confirmed.get("payments.charge").tags())
        .containsEntry("payment.amount_cents", "4798")
        .containsEntry("server.address", "payments.example.com");
    assertThat(confirmed.get("orderservice.confirm").tags())
        .containsEntry("shop.order.id", "order-1001");

    // The out-of-stock order: an error where it is thrown, in the inventory, with the exception
    // as an annotation on the span, and again in the shop's traced spans that it passes through.
    assertThat(rejected.values())
        .extracting(Span::localServiceName, Span::name, span -> span.tags().get("otel.status_code"))
        .containsExactlyInAnyOrder(
            tuple("shop", "post /checkout", null),
            tuple("shop", "checkout", "ERROR"),
            tuple("shop", "inventoryclient.reserve", "ERROR"),
            tuple("shop", "post", "ERROR"),
            tuple("inventory", "post /reservations", null),
            tuple("inventory", "inventoryservice.reserve", "ERROR"));
    assertParent(rejected, "post /reservations", "post");
    assertParent(rejected, "inventoryservice.reserve", "post /reservations");
    Span outOfStock = rejected.get("inventoryservice.reserve");
    assertThat(outOfStock.tags())
        .containsEntry("error.type", OUT_OF_STOCK)
        .containsEntry("shop.item.sku", "mug-7")
        .containsEntry("error", "mug-7: 1 requested, 0 in stock");
    assertThat(outOfStock.annotations()).singleElement().extracting(Annotation::value)
        .asString()
        .startsWith("\"exception\":")
        .contains("\"exception.type\":\"" + OUT_OF_STOCK + "\"",
            "\"exception.message\":\"mug-7: 1 requested, 0 in stock\"");
    assertThat(rejected.get("checkout").tags()).containsEntry("error.type", OUT_OF_STOCK);
  }

  /**
   * The spans of one trace as Zipkin returns them, by name, once it has stored all
   * {@code expectedSpans} of them.
   */
  private Map<String, Span> trace(String traceId, int expectedSpans) throws Exception {
    long deadline = System.nanoTime() + TRACE_STORED.toNanos();
    List<Span> spans = List.of();
    while (System.nanoTime() < deadline) {
      HttpResponse<byte[]> response = http.send(
          HttpRequest.newBuilder(zipkinUri.resolve("/api/v2/trace/" + traceId))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        spans = SpanBytesDecoder.JSON_V2.decodeList(response.body());
        if (spans.size() >= expectedSpans) {
          break;
        }
      }
      Thread.sleep(200);
    }
    assertThat(spans).as("spans Zipkin stored for trace %s", traceId).hasSize(expectedSpans);
    assertThat(spans).extracting(Span::name).doesNotHaveDuplicates();
    return spans.stream().collect(Collectors.toMap(Span::name, Function.identity()));
  }

  private static void assertParent(Map<String, Span> spans, String child, String parent) {
    assertThat(spans.get(child).parentId()).as("parent of %s", child)
        .isEqualTo(spans.get(parent).id());
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response = http.send(
        HttpRequest.newBuilder(zipkinUri.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
    return response.body();
  }

  /** Waits, bounded, until Zipkin, listening, answers its health check. */
  private void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + ZIPKIN_START.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<Void> health = http.send(
            HttpRequest.newBuilder(zipkinUri.resolve("/health"))
                .timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.discarding());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notReadyYet) {
        // keep waiting
      }
      Thread.sleep(250);
    }
    fail("Zipkin was not healthy within " + ZIPKIN_START.toSeconds() + " s:\n" + zipkin.output());
  }
}
