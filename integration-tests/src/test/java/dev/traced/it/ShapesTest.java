package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every method shape, woven for real: the method still returns what it returned before, and
 * exactly one span with the right name and attributes is exported. If the weave step were
 * missing from the build, every test here would fail for lack of spans.
 */
class ShapesTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Shapes shapes = new Shapes();

  @Test
  void instanceMethod() {
    assertThat(shapes.instance("a")).isEqualTo("instance:a");
    assertThat(onlySpan())
        .hasName("shapes.instance")
        .hasKind(SpanKind.INTERNAL)
        .hasAttributesSatisfyingExactly(equalTo(stringKey("text"), "a"));
  }

  @Test
  void staticMethodWithDefaultName() {
    assertThat(Shapes.staticMethod(21)).isEqualTo(42);
    assertThat(onlySpan())
        .hasName("Shapes.staticMethod")
        .hasAttributesSatisfyingExactly(equalTo(longKey("number"), 21L));
  }

  @Test
  void privateMethod() {
    assertThat(shapes.callPrivate("p")).isEqualTo("private:p");
    assertThat(onlySpan()).hasName("shapes.private");
  }

  @Test
  void finalMethod() {
    assertThat(shapes.finalMethod()).isEqualTo("final");
    assertThat(onlySpan()).hasName("shapes.final").hasTotalAttributeCount(0);
  }

  @Test
  void overloadsEachGetTheirOwnSpan() {
    assertThat(shapes.overload(1)).isEqualTo("int:1");
    assertThat(shapes.overload(2L)).isEqualTo("long:2");
    assertThat(shapes.overload("3")).isEqualTo("string:3");
    List<SpanData> spans = Exported.spans(otel);
    assertThat(spans).extracting(SpanData::getName)
        .containsExactly("shapes.overload.int", "shapes.overload.long", "shapes.overload.string");
    assertThat(spans.get(0)).hasAttributesSatisfyingExactly(equalTo(longKey("value"), 1L));
    assertThat(spans.get(1)).hasAttributesSatisfyingExactly(equalTo(longKey("value"), 2L));
    assertThat(spans.get(2)).hasAttributesSatisfyingExactly(equalTo(stringKey("value"), "3"));
  }

  @Test
  void genericMethodBindsThroughItsBound() {
    StringBuilder text = new StringBuilder("gen");
    assertThat(shapes.generic(text)).isSameAs(text);
    assertThat(onlySpan())
        .hasName("shapes.generic")
        .hasAttributesSatisfyingExactly(equalTo(stringKey("text"), "gen"));
  }

  @Test
  void genericMethodReturningAParameterizedType() {
    List<Integer> items = List.of(1, 2);
    assertThat(shapes.genericList(items)).isSameAs(items);
    assertThat(onlySpan()).hasName("shapes.generic.list");
  }

  @Test
  void genericClass() {
    Box<String> box = new Box<>();
    assertThat(box.put("x")).isSameAs(box);
    assertThat(box.get()).isEqualTo("x");
    assertThat(Exported.spans(otel)).extracting(SpanData::getName).containsExactly("box.put", "box.get");
  }

  @Test
  void typeVariableWithAParameterizedBound() {
    assertThat(shapes.max("b", "a")).isEqualTo("b");
    assertThat(shapes.parse(Values.Color.class, "RED")).isSameAs(Values.Color.RED);
    List<String> only = List.of("x");
    assertThat(shapes.arrayOfLists(only)).containsExactly(only);
    assertThat(Exported.spans(otel)).extracting(SpanData::getName)
        .containsExactly("shapes.max", "shapes.parse", "shapes.arrays");
  }

  @Test
  void parameterNamedLikeTheKeyConstantStillSetsTheKey() {
    assertThat(shapes.parameterNamedLikeAConstant("v")).isEqualTo("v");
    assertThat(onlySpan()).hasAttributesSatisfyingExactly(equalTo(stringKey("id"), "v"));
  }

  @Test
  void varargs() {
    assertThat(shapes.varargs("p:", "a", "b")).isEqualTo("p:a,b");
    assertThat(shapes.varargs("q:")).isEqualTo("q:");
    assertThat(Exported.spans(otel)).hasSize(2).allSatisfy(span -> assertThat(span).hasName("shapes.varargs"));
    assertThat(Exported.spans(otel).get(0)).hasAttributesSatisfyingExactly(equalTo(stringKey("prefix"), "p:"));
  }

  @Test
  void voidMethodRunsItsSideEffect() {
    StringBuilder sink = new StringBuilder();
    shapes.voidMethod("done", sink);
    assertThat(sink).hasToString("done");
    assertThat(onlySpan()).hasName("shapes.void");
  }

  @Test
  void primitiveReturns() {
    assertThat(shapes.primitiveLong(Long.MAX_VALUE - 1)).isEqualTo(Long.MAX_VALUE);
    assertThat(shapes.primitiveDouble(3.0)).isEqualTo(1.5);
    assertThat(shapes.primitiveBoolean(false)).isTrue();
    assertThat(shapes.primitiveChar('q')).isEqualTo('Q');
    assertThat(Exported.spans(otel)).extracting(SpanData::getName)
        .containsExactly("shapes.long", "shapes.double", "shapes.boolean", "shapes.char");
  }

  @Test
  void staticNestedClass() {
    assertThat(new Shapes.Nested().nested("n")).isEqualTo("nested:n");
    assertThat(onlySpan())
        .hasName("Nested.nested")
        .hasAttributesSatisfyingExactly(equalTo(stringKey("text"), "n"));
  }

  @Test
  void innerClass() {
    assertThat(shapes.new Inner().inner()).isEqualTo("inner:Shapes");
    assertThat(onlySpan()).hasName("Inner.inner");
  }

  @Test
  void privateNestedTypeInTheSignature() {
    assertThat(shapes.callWithSecret("s")).isEqualTo("s");
    assertThat(onlySpan()).hasName("shapes.secret");
  }

  @Test
  void record() {
    Point moved = new Point(1, 2).shift(10, 20);
    assertThat(moved).isEqualTo(new Point(11, 22));
    assertThat(moved.x()).isEqualTo(11);
    List<SpanData> spans = Exported.spans(otel);
    assertThat(spans).extracting(SpanData::getName).containsExactly("point.shift", "point.x");
    assertThat(spans.get(0))
        .hasAttributesSatisfyingExactly(equalTo(longKey("dx"), 10L), equalTo(longKey("dy"), 20L));
  }

  @Test
  void enumMethod() {
    assertThat(Planet.EARTH.weight(Planet.EARTH, 70.0)).isEqualTo(70.0);
    assertThat(onlySpan())
        .hasName("planet.weight")
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("planet"), "EARTH"),
            equalTo(doubleKey("kg"), 70.0));
  }

  @Test
  void interfaceDefaultStaticAndPrivateMethods() {
    Greeter greeter = () -> "Ada";
    assertThat(greeter.greet("Hello")).isEqualTo("<Hello, Ada>");
    assertThat(Greeter.shout("hi")).isEqualTo("HI");
    List<SpanData> spans = Exported.spans(otel);
    assertThat(spans).extracting(SpanData::getName)
        .containsExactly("greeter.decorate", "greeter.greet", "greeter.shout");
    SpanData decorate = spans.get(0);
    SpanData greet = spans.get(1);
    assertThat(decorate).hasParent(greet);
    assertThat(greet).hasNoParent().hasAttributesSatisfyingExactly(equalTo(stringKey("greeting"), "Hello"));
  }

  private SpanData onlySpan() {
    assertThat(Exported.spans(otel)).hasSize(1);
    return Exported.spans(otel).get(0);
  }
}
