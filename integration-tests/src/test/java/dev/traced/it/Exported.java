package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Set;

/**
 * The spans a test exported, with the source attributes ({@code code.*}) that every traced span
 * carries checked and then taken out, so each test asserts exactly the attributes it is about.
 * {@link SourceAttributesTest} checks their values in detail.
 */
final class Exported {

  static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
  static final AttributeKey<String> FILE = AttributeKey.stringKey("code.file.path");
  static final AttributeKey<Long> LINE = AttributeKey.longKey("code.line.number");
  private static final Set<AttributeKey<?>> SOURCE = Set.of(FUNCTION, FILE, LINE);

  private Exported() {}

  static List<SpanData> spans(OpenTelemetryExtension otel) {
    return otel.getSpans().stream().map(Exported::withoutSourceAttributes).toList();
  }

  /** {@code span} without its source attributes, after checking that it has all three. */
  static SpanData withoutSourceAttributes(SpanData span) {
    if (!span.getInstrumentationScopeInfo().getName()
        .equals(TracedOpenTelemetry.INSTRUMENTATION_SCOPE_NAME)) {
      return span;
    }
    Attributes attributes = span.getAttributes();
    assertThat(attributes.get(FUNCTION)).as("code.function.name of %s", span.getName())
        .matches("dev\\.traced\\.it\\.[\\w.$]+\\.\\w+");
    assertThat(attributes.get(FILE)).as("code.file.path of %s", span.getName())
        .matches("dev/traced/it/\\w+\\.java");
    assertThat(attributes.get(LINE)).as("code.line.number of %s", span.getName()).isPositive();
    Attributes rest = attributes.toBuilder().removeIf(SOURCE::contains).build();
    int total = span.getTotalAttributeCount() - SOURCE.size();
    return new DelegatingSpanData(span) {
      @Override
      public Attributes getAttributes() {
        return rest;
      }

      @Override
      public int getTotalAttributeCount() {
        return total;
      }
    };
  }
}
