package dev.traced.it;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** @Traced is not inherited: an override is traced only if it says so itself. */
class InheritanceTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  @Test
  void tracedOverrideAndTracedBaseGiveOneSpanEach() {
    assertThat(new Inheritance.TracedOverride().describe()).isEqualTo("override>base");
    List<SpanData> spans = Exported.spans(otel);
    assertThat(spans).extracting(SpanData::getName)
        .containsExactly("base.describe", "override.describe");
    assertThat(spans.get(0)).hasParent(spans.get(1));
  }

  @Test
  void plainOverrideIsNotTracedButTheBaseItCallsIs() {
    assertThat(new Inheritance.PlainOverride().describe()).isEqualTo("plain>base");
    assertThat(Exported.spans(otel)).extracting(SpanData::getName).containsExactly("base.describe");
  }

  @Test
  void overrideThatNeverCallsTheBaseHasNoSpan() {
    assertThat(new Inheritance.SilentOverride().describe()).isEqualTo("silent");
    assertThat(Exported.spans(otel)).isEmpty();
  }

  @Test
  void theBaseItself() {
    assertThat(new Inheritance.Base().describe()).isEqualTo("base");
    assertThat(Exported.spans(otel)).extracting(SpanData::getName).containsExactly("base.describe");
  }
}
