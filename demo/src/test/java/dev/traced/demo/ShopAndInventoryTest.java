package dev.traced.demo;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import dev.traced.demo.inventory.InventoryServer;
import dev.traced.demo.inventory.InventoryService;
import dev.traced.demo.shop.ShopFront;
import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.instrumentation.logback.mdc.v1_0.OpenTelemetryAppender;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.testing.assertj.AttributeAssertion;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Both services in this JVM, on loopback, with an in-memory SDK: every span of an order, its
 * parent, kind, status, attributes and exception events, and the trace and span ids that
 * OpenTelemetry's Logback MDC appender adds to the services' log lines (logback-test.xml). (The
 * end-to-end test, DistributedTraceIT, runs them as two processes and receives their spans over
 * OTLP.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShopAndInventoryTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private static final String OUT_OF_STOCK = "dev.traced.demo.OutOfStockException";
  /** The exception's message, also the short status description of the spans it ends. */
  private static final String OUT_OF_STOCK_MESSAGE = "mug-7: 1 requested, 0 in stock";

  private final HttpClient customer = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private HttpServer inventory;
  private HttpServer shop;
  private URI checkout;

  @BeforeEach
  void startBothServices() throws IOException {
    TracedOpenTelemetry.resetForTest();
    logEvents().clear();
    inventory = InventoryServer.start(otel.getOpenTelemetry(), Main.loopback(0));
    shop = ShopFront.start(otel.getOpenTelemetry(), Main.loopback(0), Main.uri(inventory));
    checkout = Main.uri(shop).resolve(ShopFront.CHECKOUT);
  }

  @AfterEach
  void stopBothServices() {
    shop.stop(0);
    inventory.stop(0);
  }

  @Test
  void anOrderIsOneTraceThroughBothServices() throws Exception {
    HttpResponse<String> response = post(checkout, Forms.encode("customer", "customer-17",
        "sku", "book-42", "quantity", "2", "gift_wrap", "true", "payment", "CARD"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(
        "Order order-1001 confirmed: 2 x book-42, total 47.98, payment pay-5001\n");

    Map<String, SpanData> spans = byName(awaitSpans(9));
    SpanData shopServer = spans.get("POST /checkout");
    SpanData checkoutSpan = spans.get("checkout");
    SpanData reserveCall = spans.get("InventoryClient.reserve");
    SpanData httpClient = spans.get("POST");
    SpanData inventoryServer = spans.get("POST /reservations");

    assertThat(shopServer)
        .hasKind(SpanKind.SERVER)
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(
            equalTo(stringKey("http.request.method"), "POST"),
            equalTo(stringKey("http.route"), "/checkout"),
            equalTo(longKey("http.response.status_code"), 200L));
    assertThat(checkoutSpan)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(shopServer)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.shop.OrderService.checkout",
            "dev/traced/demo/shop/OrderService.java",
            equalTo(stringKey("shop.channel"), "web"),
            equalTo(stringKey("shop.customer.id"), "customer-17"),
            equalTo(stringKey("shop.item.sku"), "book-42"),
            equalTo(longKey("shop.item.quantity"), 2L),
            equalTo(booleanKey("shop.gift_wrap"), true),
            equalTo(stringKey("shop.payment.method"), "CARD")));
    assertThat(reserveCall)
        .hasKind(SpanKind.INTERNAL)
        .hasParent(checkoutSpan)
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.shop.InventoryClient.reserve",
            "dev/traced/demo/shop/InventoryClient.java",
            equalTo(stringKey("shop.item.sku"), "book-42"),
            equalTo(longKey("shop.item.quantity"), 2L)));
    assertThat(httpClient)
        .hasKind(SpanKind.CLIENT)
        .hasParent(reserveCall)
        .hasAttributesSatisfying(
            equalTo(stringKey("url.full"), Main.uri(inventory) + "/reservations"),
            equalTo(longKey("http.response.status_code"), 200L));
    // The inventory's side: continued from the traceparent header the client sent.
    assertThat(inventoryServer)
        .hasKind(SpanKind.SERVER)
        .hasParent(httpClient)
        .hasAttributesSatisfying(
            equalTo(stringKey("http.route"), "/reservations"),
            equalTo(longKey("http.response.status_code"), 200L));
    assertThat(spans.get("InventoryService.reserve"))
        .hasKind(SpanKind.INTERNAL)
        .hasParent(inventoryServer)
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.inventory.InventoryService.reserve",
            "dev/traced/demo/inventory/InventoryService.java",
            equalTo(stringKey("shop.item.sku"), "book-42"),
            equalTo(longKey("shop.item.quantity"), 2L)));
    assertThat(spans.get("Pricing.total"))
        .hasParent(checkoutSpan)
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.shop.Pricing.total",
            "dev/traced/demo/shop/Pricing.java",
            equalTo(longKey("shop.item.unit_price_cents"), 1999L),
            equalTo(longKey("shop.item.quantity"), 2L),
            equalTo(doubleKey("shop.tax.rate"), 0.2)));
    assertThat(spans.get("payments.charge"))
        .hasKind(SpanKind.CLIENT)
        .hasParent(checkoutSpan)
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.shop.PaymentService.charge",
            "dev/traced/demo/shop/PaymentService.java",
            equalTo(stringKey("server.address"), "payments.example.com"),
            equalTo(longKey("server.port"), 443L),
            equalTo(booleanKey("payment.sandbox"), true),
            equalTo(stringKey("payment.method"), "CARD"),
            equalTo(longKey("payment.amount_cents"), 4798L)));
    assertThat(spans.get("OrderService.confirm"))
        .hasParent(checkoutSpan)
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.shop.OrderService.confirm",
            "dev/traced/demo/shop/OrderService.java",
            equalTo(stringKey("shop.order.id"), "order-1001")));

    assertThat(spans.values()).allSatisfy(span -> assertThat(span)
        .hasTraceId(shopServer.getTraceId())
        .hasEnded());
  }

  @Test
  void outOfStockIsRecordedOnBothSidesOfTheCall() throws Exception {
    HttpResponse<String> response = post(checkout, Forms.encode("customer", "customer-23",
        "sku", "mug-7", "quantity", "1", "payment", "INVOICE"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).isEqualTo("Order rejected: mug-7: 1 requested, 0 in stock\n");

    Map<String, SpanData> spans = byName(awaitSpans(6));
    assertThat(spans).containsOnlyKeys("POST /checkout", "checkout", "InventoryClient.reserve",
        "POST", "POST /reservations", "InventoryService.reserve");

    // The inventory throws: its traced method records the exception; the 409 it answers is a
    // client error, not a server failure, so its SERVER span stays unset.
    assertThat(spans.get("InventoryService.reserve"))
        .hasParent(spans.get("POST /reservations"))
        .hasStatus(StatusData.create(StatusCode.ERROR, OUT_OF_STOCK_MESSAGE))
        .hasAttributesSatisfyingExactly(source(
            "dev.traced.demo.inventory.InventoryService.reserve",
            "dev/traced/demo/inventory/InventoryService.java",
            equalTo(stringKey("shop.item.sku"), "mug-7"),
            equalTo(longKey("shop.item.quantity"), 1L),
            equalTo(stringKey("error.type"), OUT_OF_STOCK)))
        .hasEventsSatisfyingExactly(event -> event
            .hasName("exception")
            .hasAttributesSatisfying(
                equalTo(stringKey("exception.type"), OUT_OF_STOCK),
                equalTo(stringKey("exception.message"), "mug-7: 1 requested, 0 in stock"),
                satisfies(stringKey("exception.stacktrace"),
                    trace -> trace.contains("InventoryService.reserve"))));
    assertThat(spans.get("POST /reservations"))
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(equalTo(longKey("http.response.status_code"), 409L));
    // The shop: its HTTP client sees a 409 (an error for a client), then the client method
    // throws the same exception type again, and checkout lets it through.
    assertThat(spans.get("POST"))
        .hasParent(spans.get("InventoryClient.reserve"))
        .hasStatus(StatusData.error())
        .hasAttributesSatisfying(equalTo(longKey("http.response.status_code"), 409L));
    assertThat(spans.get("InventoryClient.reserve"))
        .hasStatus(StatusData.create(StatusCode.ERROR, OUT_OF_STOCK_MESSAGE))
        .hasAttributesSatisfying(equalTo(stringKey("error.type"), OUT_OF_STOCK));
    assertThat(spans.get("checkout"))
        .hasStatus(StatusData.create(StatusCode.ERROR, OUT_OF_STOCK_MESSAGE))
        .hasAttributesSatisfying(equalTo(stringKey("error.type"), OUT_OF_STOCK));
    assertThat(spans.get("POST /checkout"))
        .hasNoParent()
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfying(equalTo(longKey("http.response.status_code"), 409L));
  }

  @Test
  void aBadRequestIsAnsweredBeforeAnyTracedCode() throws Exception {
    HttpResponse<String> response =
        post(checkout, Forms.encode("customer", "c", "sku", "book-42", "quantity", "two"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("quantity must be a positive whole number, not 'two'\n");
    assertThat(awaitSpans(1)).singleElement().satisfies(span -> assertThat(span)
        .hasName("POST /checkout")
        .hasAttributesSatisfying(equalTo(longKey("http.response.status_code"), 400L)));
  }

  @Test
  void theInventoryBeingDownIsAnAnswerToo() throws Exception {
    inventory.stop(0);

    HttpResponse<String> response = post(checkout,
        Forms.encode("customer", "c", "sku", "book-42", "quantity", "1"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).startsWith("Order not placed: cannot reach ");
    Map<String, SpanData> spans = byName(awaitSpans(4));
    assertThat(spans.get("InventoryClient.reserve"))
        .hasStatusSatisfying(status -> status
            .hasCode(StatusCode.ERROR)
            .hasDescriptionMatching(Pattern.quote("cannot reach " + Main.uri(inventory)
                + "/reservations: java.net.ConnectException") + ".*"))
        .hasAttributesSatisfying(equalTo(stringKey("error.type"),
            "dev.traced.demo.shop.InventoryUnavailableException"));
    assertThat(spans.get("POST /checkout")).hasNoParent();
  }

  // Log correlation: each line the demo logs carries, in its MDC, the ids of the span that was
  // current when it was logged: the traced span of the method that logs, or the SERVER span.

  @Test
  void theLinesOfAnOrderCarryTheIdsOfTheSpansTheyAreLoggedIn() throws Exception {
    assertThat(post(checkout, Forms.encode("customer", "customer-17", "sku", "book-42",
        "quantity", "2", "gift_wrap", "true", "payment", "CARD")).statusCode()).isEqualTo(200);

    Map<String, SpanData> spans = byName(awaitSpans(9));
    assertThat(logEvents().demoEvents())
        .extracting(ILoggingEvent::getLoggerName, ILoggingEvent::getLevel,
            ILoggingEvent::getFormattedMessage, ILoggingEvent::getMDCPropertyMap)
        .containsExactly(
            tuple("dev.traced.demo.inventory.InventoryService", Level.INFO,
                "reserved 2 x book-42, 998 left", mdcOf(spans.get("InventoryService.reserve"))),
            tuple("dev.traced.demo.shop.OrderService", Level.INFO,
                "order order-1001 placed: 2 x book-42 for customer-17, 4798 cents, payment pay-5001",
                mdcOf(spans.get("checkout"))));
  }

  @Test
  void theLinesOfARejectedOrderCarryItsTraceOnBothSides() throws Exception {
    assertThat(post(checkout, Forms.encode("customer", "customer-23", "sku", "mug-7",
        "quantity", "1", "payment", "INVOICE")).statusCode()).isEqualTo(409);

    Map<String, SpanData> spans = byName(awaitSpans(6));
    assertThat(logEvents().demoEvents())
        .extracting(ILoggingEvent::getLoggerName, ILoggingEvent::getLevel,
            ILoggingEvent::getFormattedMessage, ILoggingEvent::getMDCPropertyMap)
        .containsExactly(
            tuple("dev.traced.demo.inventory.InventoryService", Level.WARN,
                "cannot reserve 1 x mug-7: 0 in stock",
                mdcOf(spans.get("InventoryService.reserve"))),
            tuple("dev.traced.demo.shop.OrderService", Level.WARN,
                "order rejected: mug-7: 1 requested, 0 in stock", mdcOf(spans.get("checkout"))));
  }

  @Test
  void aLineLoggedOutsideTracedCodeCarriesTheHttpServerSpan() throws Exception {
    inventory.stop(0);

    assertThat(post(checkout, Forms.encode("customer", "c", "sku", "book-42", "quantity", "1"))
        .statusCode()).isEqualTo(503);

    Map<String, SpanData> spans = byName(awaitSpans(4));
    assertThat(logEvents().demoEvents()).singleElement().satisfies(event -> {
      assertThat(event.getLoggerName()).isEqualTo("dev.traced.demo.shop.ShopFront");
      assertThat(event.getFormattedMessage()).startsWith("order not placed: cannot reach ");
      assertThat(event.getMDCPropertyMap())
          .containsExactlyInAnyOrderEntriesOf(mdcOf(spans.get("POST /checkout")));
    });
  }

  @Test
  void aLineLoggedOutsideAnySpanCarriesNoIds() {
    LoggerFactory.getLogger(InventoryService.class).info("no span here");

    assertThat(logEvents().demoEvents()).singleElement().satisfies(event -> {
      assertThat(event.getFormattedMessage()).isEqualTo("no span here");
      assertThat(event.getMDCPropertyMap()).isEmpty();
    });
  }

  /** What OpenTelemetry's MDC appender puts in the MDC of a line logged inside {@code span}. */
  private static Map<String, String> mdcOf(SpanData span) {
    assertThat(span).isNotNull();
    return Map.of("trace_id", span.getTraceId(), "span_id", span.getSpanId(),
        "trace_flags", span.getSpanContext().getTraceFlags().asHex());
  }

  /** The EVENTS list of logback-test.xml, behind its OpenTelemetry MDC appender. */
  private static LogEvents logEvents() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Object otel = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("OTEL");
    assertThat(otel).as("the root logger's OTEL appender (logback-test.xml)")
        .isInstanceOf(OpenTelemetryAppender.class);
    Object events = ((OpenTelemetryAppender) otel).getAppender("EVENTS");
    assertThat(events).as("the EVENTS appender inside OTEL").isInstanceOf(ListAppender.class);
    @SuppressWarnings("unchecked")
    ListAppender<ILoggingEvent> list = (ListAppender<ILoggingEvent>) events;
    return new LogEvents(list);
  }

  /** The events a ListAppender holds; it appends under its own lock, so they are read under it. */
  private record LogEvents(ListAppender<ILoggingEvent> appender) {

    void clear() {
      synchronized (appender) {
        appender.list.clear();
      }
    }

    /** The events of the demo's own loggers, in the order they were logged. */
    List<ILoggingEvent> demoEvents() {
      synchronized (appender) {
        List<ILoggingEvent> events = new ArrayList<>(appender.list);
        events.removeIf(event -> !event.getLoggerName().startsWith("dev.traced.demo."));
        return events;
      }
    }
  }

  private HttpResponse<String> post(URI uri, String form) throws Exception {
    return customer.send(HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", Forms.CONTENT_TYPE)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The answer reaches the customer before the servers' SERVER spans end (they end when the
   * handler returns): wait, boundedly, until all expected spans are exported.
   */
  private static List<SpanData> awaitSpans(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (otel.getSpans().size() < expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    List<SpanData> spans = otel.getSpans();
    assertThat(spans).hasSize(expected);
    return spans;
  }

  private static Map<String, SpanData> byName(List<SpanData> spans) {
    return spans.stream().collect(Collectors.toMap(SpanData::getName, Function.identity()));
  }

  /**
   * {@code own}, plus the source attributes every traced span carries: the method's qualified
   * name, its file relative to the source root, and a line (its exact value is not pinned here,
   * so editing a demo source does not break this test).
   */
  private static AttributeAssertion[] source(
      String function, String file, AttributeAssertion... own) {
    AttributeAssertion[] all = java.util.Arrays.copyOf(own, own.length + 3);
    all[own.length] = equalTo(stringKey("code.function.name"), function);
    all[own.length + 1] = equalTo(stringKey("code.file.path"), file);
    all[own.length + 2] =
        io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies(
            longKey("code.line.number"), line -> line.isPositive());
    return all;
  }
}
