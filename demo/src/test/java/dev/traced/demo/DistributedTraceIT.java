package dev.traced.demo;

import static dev.traced.testsupport.OtlpValues.bool;
import static dev.traced.testsupport.OtlpValues.integer;
import static dev.traced.testsupport.OtlpValues.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.traced.testsupport.OtlpHttpReceiver;
import dev.traced.testsupport.OtlpHttpReceiver.ReceivedSpan;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * End to end: the shop front and the inventory service as two real processes of
 * target/traced-demo.jar, exporting over OTLP/HTTP (configured only by OTEL_* variables) to a
 * receiver in this test. Orders go to the shop front over loopback; after both services are
 * stopped (which flushes their spans), every span of every order must have arrived, with the
 * right service, parent, kind, status and typed attributes, the inventory's spans in the same
 * trace as the shop's; and each process's log lines must carry the ids of its spans.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DistributedTraceIT {

  private static final String OUT_OF_STOCK = "dev.traced.demo.OutOfStockException";

  private OtlpHttpReceiver receiver;
  private DemoProcess inventory;
  private DemoProcess shop;
  private Customer customer;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new OtlpHttpReceiver();
  }

  @AfterEach
  void killEverything() {
    if (shop != null) {
      shop.close();
    }
    if (inventory != null) {
      inventory.close();
    }
    receiver.close();
  }

  /** OTLP over http/protobuf to the receiver, as an OpenTelemetry Collector would be given. */
  private Map<String, String> otlp(String... more) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "OTEL_TRACES_EXPORTER", "otlp",
        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
        "OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint().toString()));
    for (int i = 0; i + 1 < more.length; i += 2) {
      environment.put(more[i], more[i + 1]);
    }
    return environment;
  }

  private void startServices(Map<String, String> shopEnvironment,
      Map<String, String> inventoryEnvironment) throws Exception {
    inventory = DemoProcess.startService("inventory", inventoryEnvironment,
        "inventory", "--port", "0");
    shop = DemoProcess.startService("shop", shopEnvironment,
        "shop", "--port", "0", "--inventory", inventory.uri().toString());
    customer = new Customer(shop.uri());
  }

  private void stopServices() throws Exception {
    shop.stop();
    inventory.stop();
  }

  @Test
  void eachOrderIsOneTraceAcrossBothProcesses() throws Exception {
    startServices(otlp(), otlp());

    assertThat(customer.order("customer-17", "book-42", 2, "gift_wrap", "true", "payment", "CARD"))
        .isEqualTo("200 Order order-1001 confirmed: 2 x book-42, total 47.98, payment pay-5001");
    assertThat(customer.order("customer-23", "mug-7", 1, "payment", "INVOICE"))
        .isEqualTo("409 Order rejected: mug-7: 1 requested, 0 in stock");
    stopServices();

    Map<String, List<ReceivedSpan>> traces = receiver.spans().stream()
        .collect(Collectors.groupingBy(ReceivedSpan::traceId));
    assertThat(traces).hasSize(2);
    Map<String, ReceivedSpan> confirmed = spansOfTraceWith(traces.values(), "shop.item.sku",
        "book-42");
    Map<String, ReceivedSpan> rejected = spansOfTraceWith(traces.values(), "shop.item.sku",
        "mug-7");

    // Every span of the confirmed order: the process it came from, its kind and its parent.
    assertThat(confirmed.values())
        .extracting(ReceivedSpan::service, ReceivedSpan::name, span -> span.span().getKind())
        .containsExactlyInAnyOrder(
            tuple("shop", "POST /checkout", SpanKind.SPAN_KIND_SERVER),
            tuple("shop", "checkout", SpanKind.SPAN_KIND_INTERNAL),
            tuple("shop", "InventoryClient.reserve", SpanKind.SPAN_KIND_INTERNAL),
            tuple("shop", "POST", SpanKind.SPAN_KIND_CLIENT),
            tuple("inventory", "POST /reservations", SpanKind.SPAN_KIND_SERVER),
            tuple("inventory", "InventoryService.reserve", SpanKind.SPAN_KIND_INTERNAL),
            tuple("shop", "Pricing.total", SpanKind.SPAN_KIND_INTERNAL),
            tuple("shop", "payments.charge", SpanKind.SPAN_KIND_CLIENT),
            tuple("shop", "OrderService.confirm", SpanKind.SPAN_KIND_INTERNAL));
    assertThat(confirmed.get("POST /checkout").parentSpanId()).isEmpty();
    assertParent(confirmed, "checkout", "POST /checkout");
    assertParent(confirmed, "InventoryClient.reserve", "checkout");
    assertParent(confirmed, "POST", "InventoryClient.reserve");
    // Across the process boundary: the inventory's SERVER span continues the shop's CLIENT span.
    assertParent(confirmed, "POST /reservations", "POST");
    assertParent(confirmed, "InventoryService.reserve", "POST /reservations");
    assertParent(confirmed, "Pricing.total", "checkout");
    assertParent(confirmed, "payments.charge", "checkout");
    assertParent(confirmed, "OrderService.confirm", "checkout");

    // Every traced span names its method; the line is a compile-time constant, sent as an int.
    assertThat(confirmed.get("checkout").attributes())
        .containsEntry("code.function.name", string("dev.traced.demo.shop.OrderService.checkout"))
        .containsEntry("code.file.path", string("dev/traced/demo/shop/OrderService.java"));
    assertThat(confirmed.get("checkout").attributes().get("code.line.number").getIntValue())
        .isPositive();
    // traced attributes keep their types through OTLP: int parameters as int, and so on.
    assertThat(own(confirmed.get("checkout").attributes())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "shop.channel", string("web"),
        "shop.customer.id", string("customer-17"),
        "shop.item.sku", string("book-42"),
        "shop.item.quantity", integer(2),
        "shop.gift_wrap", bool(true),
        "shop.payment.method", string("CARD")));
    assertThat(own(confirmed.get("InventoryService.reserve").attributes()))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "shop.item.sku", string("book-42"),
            "shop.item.quantity", integer(2)));
    assertThat(own(confirmed.get("Pricing.total").attributes())).containsExactlyInAnyOrderEntriesOf(
        Map.of(
            "shop.item.unit_price_cents", integer(1999),
            "shop.item.quantity", integer(2),
            "shop.tax.rate", AnyValue.newBuilder().setDoubleValue(0.2).build()));
    assertThat(own(confirmed.get("payments.charge").attributes()))
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "server.address", string("payments.example.com"),
            "server.port", integer(443),
            "payment.sandbox", bool(true),
            "payment.method", string("CARD"),
            "payment.amount_cents", integer(4798)));
    assertThat(own(confirmed.get("OrderService.confirm").attributes()))
        .containsExactlyEntriesOf(Map.of("shop.order.id", string("order-1001")));
    // The HTTP spans: OpenTelemetry's semantic conventions.
    assertThat(confirmed.get("POST /reservations").attributes())
        .containsEntry("http.request.method", string("POST"))
        .containsEntry("http.route", string("/reservations"))
        .containsEntry("http.response.status_code", integer(200));
    assertThat(confirmed.get("POST").attributes())
        .containsEntry("url.full", string(inventory.uri() + "/reservations"))
        .containsEntry("http.response.status_code", integer(200));

    // Who made each span: traced for the traced methods, the HTTP instrumentation for the rest.
    assertThat(confirmed.values()).allSatisfy(span -> {
      String expectedScope = span.name().startsWith("POST")
          ? span.span().getKind() == SpanKind.SPAN_KIND_CLIENT
              ? "io.opentelemetry.java-http-client"
              : "io.opentelemetry.java-http-server"
          : "dev.traced";
      assertThat(span.scope().getName()).as("scope of %s", span).isEqualTo(expectedScope);
      assertThat(span.span().getStatus().getCode()).as("status of %s", span)
          .isEqualTo(StatusCode.STATUS_CODE_UNSET);
    });

    // The rejected order: the exception is recorded where it is thrown, in the inventory, and
    // again in the shop, where the client turns the 409 back into the same exception.
    assertThat(rejected.values())
        .extracting(ReceivedSpan::service, ReceivedSpan::name, span -> span.span().getStatus()
            .getCode())
        .containsExactlyInAnyOrder(
            tuple("shop", "POST /checkout", StatusCode.STATUS_CODE_UNSET),
            tuple("shop", "checkout", StatusCode.STATUS_CODE_ERROR),
            tuple("shop", "InventoryClient.reserve", StatusCode.STATUS_CODE_ERROR),
            tuple("shop", "POST", StatusCode.STATUS_CODE_ERROR),
            tuple("inventory", "POST /reservations", StatusCode.STATUS_CODE_UNSET),
            tuple("inventory", "InventoryService.reserve", StatusCode.STATUS_CODE_ERROR));
    assertParent(rejected, "POST /reservations", "POST");
    ReceivedSpan failedReservation = rejected.get("InventoryService.reserve");
    assertThat(failedReservation.attributes())
        .containsEntry("error.type", string(OUT_OF_STOCK));
    assertThat(failedReservation.span().getEventsList()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(ReceivedSpan.attributes(event.getAttributesList()))
          .containsEntry("exception.type", string(OUT_OF_STOCK))
          .containsEntry("exception.message", string("mug-7: 1 requested, 0 in stock"));
    });
    assertThat(rejected.get("checkout").attributes())
        .containsEntry("error.type", string(OUT_OF_STOCK));

    // Log correlation: each process's log lines carry the trace of their order and the id of
    // the span they were logged in, a span that process exported.
    assertThat(LogLine.in(shop.output())).containsExactly(
        new LogLine("shop", "INFO", "OrderService", confirmed.get("checkout").traceId(),
            confirmed.get("checkout").spanId(),
            "order order-1001 placed: 2 x book-42 for customer-17, 4798 cents, payment pay-5001"),
        new LogLine("shop", "WARN", "OrderService", rejected.get("checkout").traceId(),
            rejected.get("checkout").spanId(), "order rejected: mug-7: 1 requested, 0 in stock"));
    assertThat(LogLine.in(inventory.output())).containsExactly(
        new LogLine("inventory", "INFO", "InventoryService",
            confirmed.get("InventoryService.reserve").traceId(),
            confirmed.get("InventoryService.reserve").spanId(), "reserved 2 x book-42, 998 left"),
        new LogLine("inventory", "WARN", "InventoryService",
            rejected.get("InventoryService.reserve").traceId(),
            rejected.get("InventoryService.reserve").spanId(),
            "cannot reserve 1 x mug-7: 0 in stock"));
  }

  @Test
  void serviceNamesAndSamplingComeFromEachProcessesVariables() throws Exception {
    // The shop front, where traces start, samples about half of them; the inventory keeps the
    // default parentbased_always_on, so it follows the decision that arrives in traceparent.
    startServices(
        otlp("OTEL_SERVICE_NAME", "shop-eu",
            "OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
            "OTEL_TRACES_SAMPLER_ARG", "0.5"),
        otlp("OTEL_SERVICE_NAME", "inventory-eu"));
    int orders = 24;
    for (int i = 0; i < orders; i++) {
      assertThat(customer.order("customer-" + i, "book-42", 1)).startsWith("200 ");
    }
    stopServices();

    assertThat(shop.output()).contains("shop: service.name=shop-eu, ",
        "sampler=ParentBased{root:TraceIdRatioBased{0.500000}");
    assertThat(inventory.output()).contains("inventory: service.name=inventory-eu, ",
        "sampler=ParentBased{root:AlwaysOnSampler");

    Map<String, List<ReceivedSpan>> traces = receiver.spans().stream()
        .collect(Collectors.groupingBy(ReceivedSpan::traceId));
    // Half of 24, give or take: all 24 or none would mean the ratio was not applied (each has a
    // chance of 2^-24).
    assertThat(traces.size()).isBetween(1, orders - 1);
    // A trace is sampled in both processes or in neither: never half a trace.
    assertThat(traces.values()).allSatisfy(trace -> assertThat(trace)
        .extracting(ReceivedSpan::service)
        .containsExactlyInAnyOrder("shop-eu", "shop-eu", "shop-eu", "shop-eu", "shop-eu",
            "shop-eu", "shop-eu", "inventory-eu", "inventory-eu"));
  }

  /** The spans of the one trace whose {@code checkout} span has this attribute, by name. */
  private static Map<String, ReceivedSpan> spansOfTraceWith(Collection<List<ReceivedSpan>> traces,
      String key, String value) {
    List<List<ReceivedSpan>> matching = traces.stream()
        .filter(trace -> trace.stream().anyMatch(span -> span.name().equals("checkout")
            && string(value).equals(span.attributes().get(key))))
        .collect(Collectors.toList());
    assertThat(matching).hasSize(1);
    List<ReceivedSpan> trace = matching.get(0);
    assertThat(trace).extracting(ReceivedSpan::name).doesNotHaveDuplicates();
    return trace.stream().collect(Collectors.toMap(ReceivedSpan::name, Function.identity()));
  }

  private static void assertParent(Map<String, ReceivedSpan> spans, String child, String parent) {
    assertThat(spans.get(child).parentSpanId()).as("parent of %s", child)
        .isEqualTo(spans.get(parent).spanId());
  }

  /**
   * A traced span's attributes without the source attributes ({@code code.*}) every traced span
   * has, after checking they are there.
   */
  private static Map<String, AnyValue> own(Map<String, AnyValue> attributes) {
    assertThat(attributes).containsKeys("code.function.name", "code.file.path", "code.line.number");
    Map<String, AnyValue> own = new java.util.LinkedHashMap<>(attributes);
    own.keySet().removeIf(key -> key.startsWith("code."));
    return own;
  }
}
