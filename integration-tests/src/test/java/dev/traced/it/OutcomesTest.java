package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expected exceptions, error semantics and new traces, woven for real. */
class OutcomesTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Outcomes outcomes = new Outcomes();

  @Test
  void expectedExceptionIsAnEventButNotAnError() {
    assertThatThrownBy(() -> outcomes.find("missing-1"))
        .isExactlyInstanceOf(Outcomes.NotFoundException.class)
        .hasMessage("no missing-1");
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("outcomes.find")
        .hasStatus(StatusData.unset())
        .hasAttributesSatisfyingExactly(equalTo(stringKey("id"), "missing-1"));
    assertThat(span.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      // the SDK writes the binary name before 1.5x and the canonical name since
      assertThat(event.getAttributes().get(stringKey("exception.type"))).isIn(
          Outcomes.NotFoundException.class.getName(),
          Outcomes.NotFoundException.class.getCanonicalName());
      assertThat(event.getAttributes().get(stringKey("exception.message")))
          .isEqualTo("no missing-1");
    });
  }

  @Test
  void unexpectedExceptionIsAnErrorWithItsCanonicalTypeAndFirstMessageLine() {
    assertThatThrownBy(() -> outcomes.find("broken-2"))
        .isExactlyInstanceOf(Outcomes.BrokenException.class);
    assertThat(onlySpan())
        .hasStatus(StatusData.create(StatusCode.ERROR, "cannot look up broken-2"))
        .hasAttributesSatisfyingExactly(
            equalTo(stringKey("id"), "broken-2"),
            equalTo(stringKey("error.type"), "dev.traced.it.Outcomes.BrokenException"));
    assertThat(outcomes.bodies).hasValue(1);
  }

  @Test
  void expectedCheckedSubclassOfTheThrowsClause() {
    assertThatThrownBy(() -> outcomes.load("a.txt")).isExactlyInstanceOf(FileNotFoundException.class);
    assertThat(onlySpan()).hasStatus(StatusData.unset()).hasTotalRecordedEvents(1);
  }

  @Test
  void otherCheckedExceptionsOfTheThrowsClauseAreErrors() {
    assertThatThrownBy(() -> outcomes.load("")).isExactlyInstanceOf(IOException.class);
    assertThat(onlySpan())
        .hasStatus(StatusData.create(StatusCode.ERROR, "no path"))
        .hasAttributesSatisfyingExactly(equalTo(stringKey("error.type"), "java.io.IOException"));
  }

  @Test
  void newTraceStartsARootLinkedToTheCaller() {
    Span caller = otel.getOpenTelemetry().getTracer("test").spanBuilder("caller").startSpan();
    Span[] inside = new Span[1];
    try (Scope scope = caller.makeCurrent()) {
      outcomes.batch(() -> inside[0] = Span.current());
    } finally {
      caller.end();
    }
    List<SpanData> spans = Exported.spans(otel);
    SpanData batch =
        spans.stream().filter(s -> s.getName().equals("outcomes.batch")).findFirst().orElseThrow();
    assertThat(batch)
        .hasKind(SpanKind.CONSUMER)
        .hasNoParent()
        .hasLinksSatisfying(
            links ->
                org.assertj.core.api.Assertions.assertThat(links)
                    .singleElement()
                    .satisfies(
                        link ->
                            org.assertj.core.api.Assertions.assertThat(link.getSpanContext())
                                .isEqualTo(caller.getSpanContext())));
    org.assertj.core.api.Assertions.assertThat(batch.getTraceId())
        .isNotEqualTo(caller.getSpanContext().getTraceId());
    org.assertj.core.api.Assertions.assertThat(inside[0].getSpanContext())
        .isEqualTo(batch.getSpanContext());
  }

  @Test
  void newTraceWithoutACallerHasNoLink() {
    outcomes.batch(() -> {});
    assertThat(onlySpan()).hasNoParent().hasTotalRecordedLinks(0);
  }

  private SpanData onlySpan() {
    List<SpanData> spans = Exported.spans(otel);
    org.assertj.core.api.Assertions.assertThat(spans).hasSize(1);
    return spans.get(0);
  }
}
