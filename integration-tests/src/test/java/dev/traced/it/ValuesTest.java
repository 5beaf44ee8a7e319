package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each supported Java type lands as the documented OpenTelemetry type. The assertions use typed
 * keys, so a long that arrived as a string (or the other way round) fails.
 */
class ValuesTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Values values = new Values();

  @Test
  void primitives() {
    values.primitives(true, (byte) 1, (short) 2, 3, 4L, 1.5f, 2.25, 'z');
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(booleanKey("v.boolean"), true),
            equalTo(longKey("v.byte"), 1L),
            equalTo(longKey("v.short"), 2L),
            equalTo(longKey("v.int"), 3L),
            equalTo(longKey("v.long"), 4L),
            equalTo(doubleKey("v.float"), 1.5),
            equalTo(doubleKey("v.double"), 2.25),
            equalTo(stringKey("v.char"), "z"));
  }

  @Test
  void boxed() {
    values.boxed(false, (byte) -1, (short) -2, -3, -4L, -1.5f, -2.25, 'Z');
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(booleanKey("v.boolean"), false),
            equalTo(longKey("v.byte"), -1L),
            equalTo(longKey("v.short"), -2L),
            equalTo(longKey("v.int"), -3L),
            equalTo(longKey("v.long"), -4L),
            equalTo(doubleKey("v.float"), -1.5),
            equalTo(doubleKey("v.double"), -2.25),
            equalTo(stringKey("v.char"), "Z"));
  }

  @Test
  void nullBoxedValuesLeaveTheirAttributesOut() {
    values.boxed(null, null, null, null, null, null, null, null);
    assertThat(onlySpan()).hasTotalAttributeCount(0);
  }

  @Test
  void references() {
    values.references("s", new StringBuilder("sb"), Values.Color.GREEN);
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("v.string"), "s"),
            equalTo(stringKey("v.chars"), "sb"),
            equalTo(stringKey("v.color"), "GREEN"));
  }

  @Test
  void nullReferencesLeaveTheirAttributesOut() {
    values.references(null, null, null);
    assertThat(onlySpan()).hasTotalAttributeCount(0);
  }

  @Test
  void literals() {
    values.literals();
    assertThat(onlySpan())
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("l.string"), "it's"),
            equalTo(longKey("l.long"), -42L),
            equalTo(doubleKey("l.double"), 1.5),
            equalTo(doubleKey("l.exponent"), 1000.0),
            equalTo(booleanKey("l.true"), true),
            equalTo(booleanKey("l.false"), false),
            equalTo(stringKey("l.empty"), ""),
            equalTo(stringKey("l.unicode"), "caf\u00e9 \u2028 \u00bd \t\\"));
  }

  private SpanData onlySpan() {
    assertThat(Exported.spans(otel)).hasSize(1);
    return Exported.spans(otel).get(0);
  }
}
