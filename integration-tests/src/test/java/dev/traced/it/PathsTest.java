package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.booleanArrayKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleArrayKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths through the real weave: every value kind lands with its OpenTelemetry type (typed keys,
 * so a long that arrived as a string fails), nulls on the way leave the attribute out, and an
 * accessor that throws costs the attribute, never the call.
 */
class PathsTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Paths paths = new Paths();

  private static Paths.Customer customer() {
    return new Paths.Customer(
        "c-1", new Paths.Address("Lyon", "69001"), true, Paths.Tier.GOLD);
  }

  @Test
  void propertiesOfParametersAndOfTheResult() {
    Paths.Order order = new Paths.Order("o-1", 40, true, false);
    Paths.Receipt receipt = paths.place(order, customer());

    assertThat(receipt.number()).isEqualTo("r-40");
    assertThat(onlySpan())
        .hasName("paths.place")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("shop.order.id"), "o-1"),
            equalTo(booleanKey("shop.order.gift"), true),
            equalTo(longKey("shop.order.total"), 40L),
            equalTo(stringKey("shop.order.risk"), "low"),
            equalTo(stringKey("shop.customer.city"), "Lyon"),
            equalTo(booleanKey("shop.customer.vip"), true),
            equalTo(stringKey("shop.customer.tier"), "GOLD"),
            equalTo(stringKey("shop.receipt.number"), "r-40"),
            equalTo(doubleKey("shop.receipt.amount"), 20.0),
            equalTo(longArrayKey("shop.receipt.lines"), List.of(1L, 2L)));
    // Each accessor ran once for tracing (getId, risk) and once more for nothing else.
    assertThat(order.reads).isEqualTo(2);
  }

  @Test
  void attributesKnownAtStartAreOnTheSpanBeforeItStarts() {
    paths.place(new Paths.Order("o-2", 2, false, false), customer());
    // The SDK sees builder attributes at start; OpenTelemetryExtension exports ended spans, so
    // the check here is that every attribute, start and result, is there exactly once.
    assertThat(onlySpan().getAttributes().size()).isEqualTo(10);
  }

  @Test
  void nullsOnThePathLeaveOnlyTheirAttributesOut() {
    Paths.Customer noAddress = new Paths.Customer(null, null, false, null);
    paths.place(new Paths.Order(null, 0, false, false), noAddress);
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(booleanKey("shop.order.gift"), false),
            equalTo(longKey("shop.order.total"), 0L),
            equalTo(stringKey("shop.order.risk"), "low"),
            equalTo(booleanKey("shop.customer.vip"), false),
            equalTo(stringKey("shop.receipt.number"), "r-0"),
            equalTo(doubleKey("shop.receipt.amount"), 0.0),
            equalTo(longArrayKey("shop.receipt.lines"), List.of(1L, 2L)));
  }

  @Test
  void aThrowingAccessorCostsItsAttributeNotTheCall() {
    Paths.Order broken = new Paths.Order("o-3", 3, false, true);
    Paths.Receipt receipt = paths.place(broken, customer());

    assertThat(receipt.number()).isEqualTo("r-3");
    SpanData span = onlySpan();
    assertThat(span).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.unset());
    assertThat(span.getAttributes().get(stringKey("shop.order.risk"))).isNull();
    assertThat(span.getAttributes().get(stringKey("shop.order.id"))).isEqualTo("o-3");
    assertThat(span.getEvents()).isEmpty();
  }

  @Test
  void aThrowingAccessorOfTheResultCostsItsAttributeNotTheResult() {
    Paths.Receipt receipt = paths.fragile();

    assertThat(receipt.number()).isEqualTo("r-9");
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(equalTo(stringKey("shop.number"), "r-9"));
  }

  @Test
  void aNullResultLeavesItsAttributesOut() {
    assertThat(paths.nothing()).isNull();
    assertThat(onlySpan()).hasTotalAttributeCount(0);
  }

  @Test
  void noResultAttributesWhenTheMethodThrows() {
    Paths.Order order = new Paths.Order("o-4", 4, false, false);
    assertThatThrownBy(() -> paths.refuse(order))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refused o-4");
    SpanData span = onlySpan();
    assertThat(span)
        .hasStatus(io.opentelemetry.sdk.trace.data.StatusData.create(StatusCode.ERROR, "refused o-4"));
    assertThat(span.getAttributes().get(stringKey("shop.order.id"))).isEqualTo("o-4");
    assertThat(span.getAttributes().get(stringKey("shop.number"))).isNull();
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void presentOptionalsLandAsTheirContent() {
    paths.optionals(
        Optional.of("t"), Optional.of(Paths.Tier.SILVER), Optional.of(7),
        OptionalInt.of(1), OptionalLong.of(2), OptionalDouble.of(0.5));
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("o.text"), "t"),
            equalTo(stringKey("o.tier"), "SILVER"),
            equalTo(longKey("o.count"), 7L),
            equalTo(longKey("o.int"), 1L),
            equalTo(longKey("o.long"), 2L),
            equalTo(doubleKey("o.double"), 0.5));
  }

  @Test
  void emptyAndNullOptionalsLeaveTheirAttributesOut() {
    paths.optionals(
        Optional.empty(), null, Optional.empty(), OptionalInt.empty(), null,
        OptionalDouble.empty());
    assertThat(onlySpan()).hasTotalAttributeCount(0);
  }

  @Test
  void arraysAndCollectionsLandAsArrayAttributes() {
    List<String> names = new ArrayList<>(Arrays.asList("a", null, "b"));
    paths.sequences(
        new String[] {"x", "y"}, new Paths.Tier[] {Paths.Tier.GOLD}, new int[] {1, 2, 3},
        new double[] {0.5}, new boolean[] {true, false}, names, List.of(4, 5),
        new char[] {'h', 'i'}, Set.of(1.5f));
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringArrayKey("s.strings"), List.of("x", "y")),
            equalTo(stringArrayKey("s.tiers"), List.of("GOLD")),
            equalTo(longArrayKey("s.ints"), List.of(1L, 2L, 3L)),
            equalTo(doubleArrayKey("s.doubles"), List.of(0.5)),
            equalTo(booleanArrayKey("s.flags"), List.of(true, false)),
            equalTo(stringArrayKey("s.names"), List.of("a", "b")),
            equalTo(longArrayKey("s.counts"), List.of(4L, 5L)),
            equalTo(stringArrayKey("s.chars"), List.of("h", "i")),
            equalTo(doubleArrayKey("s.ratios"), List.of(1.5)),
            equalTo(longKey("s.size"), 3L),
            equalTo(longKey("s.length"), 3L));
  }

  @Test
  void typeArgumentsAreKnownThroughGenerics() {
    paths.generic(new Box<String>().put("boxed"), new Point(1, 2));
    SpanData generic =
        Exported.spans(otel).stream().filter(s -> s.getName().equals("paths.generic")).findFirst()
            .orElseThrow();
    assertThat(generic)
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("g.value"), "boxed"), equalTo(longKey("g.y"), 2L));
  }

  @Test
  void aTypeVariableResultIsReadThroughItsBound() {
    assertThat(paths.pick(Paths.Tier.SILVER)).isEqualTo(Paths.Tier.SILVER);
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("p.picked"), "SILVER"), equalTo(longKey("p.ordinal"), 1L));
  }

  @Test
  void parametersMayBeNamedLikeWhatTheAdviceUses() {
    assertThat(paths.awkward('x', true, 3L, "jp", 7)).isEqualTo(7);
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("a.c"), "x"),
            equalTo(longKey("a.java"), 7L),
            equalTo(booleanKey("a.string"), true));
  }

  @Test
  void readingAttributesLeavesTheArgumentsAsTheCallerPassedThem() {
    ArrayDeque<String> queue = new ArrayDeque<>(List.of("a", "b"));
    AtomicInteger counter = new AtomicInteger();

    assertThat(paths.drain(queue, counter)).isEqualTo("a");

    assertThat(queue).containsExactly("b");
    assertThat(counter.get()).isEqualTo(1);
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(longKey("q.size"), 2L),
            equalTo(stringKey("q.head"), "a"),
            equalTo(stringArrayKey("q.items"), List.of("a", "b")),
            equalTo(longKey("c.value"), 0L),
            equalTo(stringKey("d.taken"), "a"));
  }

  private SpanData onlySpan() {
    assertThat(Exported.spans(otel)).hasSize(1);
    return Exported.spans(otel).get(0);
  }
}
