package dev.traced.demo;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.satisfies;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs the demo's orders against an in-memory SDK, registered as the global OpenTelemetry as the
 * demo's own SDK is, and checks every span the woven code exports.
 */
class ShopApplicationTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  /** {@code error.type}, set by traced: the class's binary name, {@code Class.getName()}. */
  private static final String OUT_OF_STOCK = "dev.traced.demo.InventoryService$OutOfStockException";

  /** {@code exception.type}, set by the SDK's {@code recordException}: the canonical name. */
  private static final String OUT_OF_STOCK_EXCEPTION_TYPE =
      "dev.traced.demo.InventoryService.OutOfStockException";

  @BeforeEach
  void lookForTheGlobalOnTheNextCall() {
    TracedOpenTelemetry.resetForTest();
  }

  @Test
  void printsTheOutcomeOfBothOrders() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ShopApplication.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "Order order-1001 confirmed: 2 x book-42, total 47.98, payment pay-5001",
        "Order rejected: mug-7: 1 requested, 0 in stock");
  }

  @Test
  void exportsOneTraceForEachOrder() {
    ShopApplication.run(new PrintStream(PrintStream.nullOutputStream()));

    // Spans are exported as they end: children before their parent.
    List<SpanData> spans = otel.getSpans();
    assertThat(spans).hasSize(7);
    SpanData checkout = spans.get(4);
    SpanData failedCheckout = spans.get(6);

    assertThat(spans).satisfiesExactly(
        span -> assertThat(span)
            .hasName("InventoryService.reserve")
            .hasKind(SpanKind.INTERNAL)
            .hasParent(checkout)
            .hasStatus(StatusData.unset())
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("shop.item.sku"), "book-42"),
                equalTo(longKey("shop.item.quantity"), 2L)),
        span -> assertThat(span)
            .hasName("Pricing.total")
            .hasKind(SpanKind.INTERNAL)
            .hasParent(checkout)
            .hasStatus(StatusData.unset())
            .hasAttributesSatisfyingExactly(
                equalTo(longKey("shop.item.unit_price_cents"), 1999L),
                equalTo(longKey("shop.item.quantity"), 2L),
                equalTo(doubleKey("shop.tax.rate"), 0.2)),
        span -> assertThat(span)
            .hasName("payments.charge")
            .hasKind(SpanKind.CLIENT)
            .hasParent(checkout)
            .hasStatus(StatusData.unset())
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("server.address"), "payments.example.com"),
                equalTo(longKey("server.port"), 443L),
                equalTo(booleanKey("payment.sandbox"), true),
                equalTo(stringKey("payment.method"), "CARD"),
                equalTo(longKey("payment.amount_cents"), 4798L)),
        span -> assertThat(span)
            .hasName("OrderService.confirm")
            .hasKind(SpanKind.INTERNAL)
            .hasParent(checkout)
            .hasStatus(StatusData.unset())
            .hasAttributesSatisfyingExactly(equalTo(stringKey("shop.order.id"), "order-1001")),
        span -> assertThat(span)
            .hasName("checkout")
            .hasKind(SpanKind.SERVER)
            .hasNoParent()
            .hasStatus(StatusData.unset())
            .hasTotalRecordedEvents(0)
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("shop.channel"), "web"),
                equalTo(stringKey("shop.customer.id"), "customer-17"),
                equalTo(stringKey("shop.item.sku"), "book-42"),
                equalTo(longKey("shop.item.quantity"), 2L),
                equalTo(booleanKey("shop.gift_wrap"), true),
                equalTo(stringKey("shop.payment.method"), "CARD")),
        // The second order: reserve throws, both spans record the exception, the caller catches it.
        span -> assertThat(span)
            .hasName("InventoryService.reserve")
            .hasKind(SpanKind.INTERNAL)
            .hasParent(failedCheckout)
            .hasStatus(StatusData.error())
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("shop.item.sku"), "mug-7"),
                equalTo(longKey("shop.item.quantity"), 1L),
                equalTo(stringKey("error.type"), OUT_OF_STOCK))
            .hasEventsSatisfyingExactly(event -> event
                .hasName("exception")
                .hasAttributesSatisfyingExactly(
                    equalTo(stringKey("exception.type"), OUT_OF_STOCK_EXCEPTION_TYPE),
                    equalTo(stringKey("exception.message"), "mug-7: 1 requested, 0 in stock"),
                    satisfies(stringKey("exception.stacktrace"),
                        trace -> trace.contains("InventoryService.reserve")))),
        span -> assertThat(span)
            .hasName("checkout")
            .hasKind(SpanKind.SERVER)
            .hasNoParent()
            .hasStatus(StatusData.error())
            .hasAttributesSatisfyingExactly(
                equalTo(stringKey("shop.channel"), "web"),
                equalTo(stringKey("shop.customer.id"), "customer-23"),
                equalTo(stringKey("shop.item.sku"), "mug-7"),
                equalTo(longKey("shop.item.quantity"), 1L),
                equalTo(booleanKey("shop.gift_wrap"), false),
                equalTo(stringKey("shop.payment.method"), "INVOICE"),
                equalTo(stringKey("error.type"), OUT_OF_STOCK))
            .hasEventsSatisfyingExactly(event -> event
                .hasName("exception")
                .hasAttributesSatisfying(
                    equalTo(stringKey("exception.type"), OUT_OF_STOCK_EXCEPTION_TYPE),
                    equalTo(stringKey("exception.message"), "mug-7: 1 requested, 0 in stock"))));

    // Each order is one trace; the two orders are two different traces.
    assertThat(spans.subList(0, 5))
        .allSatisfy(span -> assertThat(span).hasTraceId(checkout.getTraceId()));
    assertThat(spans.subList(5, 7))
        .allSatisfy(span -> assertThat(span).hasTraceId(failedCheckout.getTraceId()));
    assertThat(checkout.getTraceId()).isNotEqualTo(failedCheckout.getTraceId());

    assertThat(spans).allSatisfy(span -> {
      assertThat(span).hasEnded();
      assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
    });
  }
}
