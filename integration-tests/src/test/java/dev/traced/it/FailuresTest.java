package dev.traced.it;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.equalTo;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A traced method that throws: the caller gets the very same exception instance, and the span
 * records it (exception event, {@code error.type}, status ERROR) and still ends exactly once.
 */
class FailuresTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private final Shapes shapes = new Shapes();

  @Test
  void checkedExceptionIsRethrownUnchangedAndRecorded() throws IOException {
    Throwable thrown = catchThrowable(() -> shapes.checked(true));

    assertThat(thrown).isExactlyInstanceOf(IOException.class).hasMessage("checked failure");
    SpanData span = onlySpan();
    assertThat(span)
        .hasName("shapes.checked")
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasAttributesSatisfyingExactly(
            equalTo(booleanKey("fail"), true),
            equalTo(stringKey("error.type"), "java.io.IOException"));
    // The event's attributes, not ExceptionEventData: the matrix's oldest SDK lacks that class.
    assertThat(span.getEvents()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(event.getAttributes().get(stringKey("exception.type")))
          .isEqualTo("java.io.IOException");
      assertThat(event.getAttributes().get(stringKey("exception.message")))
          .isEqualTo("checked failure");
    });
  }

  @Test
  void successLeavesStatusUnset() throws IOException {
    assertThat(shapes.checked(false)).isEqualTo("ok");
    assertThat(onlySpan())
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.UNSET))
        .hasTotalRecordedEvents(0)
        .hasAttributesSatisfyingExactly(equalTo(booleanKey("fail"), false));
  }

  @Test
  void runtimeExceptionIsTheSameInstance() {
    IllegalStateException failure = new IllegalStateException("boom");
    assertThatThrownBy(() -> shapes.unchecked(failure)).isSameAs(failure);
    assertThat(onlySpan())
        .hasStatusSatisfying(status -> status.hasCode(StatusCode.ERROR))
        .hasException(failure);
  }

  @Test
  void errorIsTheSameInstance() {
    StackOverflowError failure = new StackOverflowError("deep");
    assertThatThrownBy(() -> shapes.throwsThrowable(failure)).isSameAs(failure);
    assertThat(onlySpan()).hasException(failure);
  }

  @Test
  void declaredThrowableCanBeAnyCheckedException() {
    Exception failure = new Exception("plain checked");
    assertThatThrownBy(() -> shapes.throwsThrowable(failure)).isSameAs(failure);
    assertThat(onlySpan())
        .hasName("shapes.throwable")
        .hasAttributesSatisfyingExactly(equalTo(stringKey("error.type"), "java.lang.Exception"));
  }

  @Test
  void genericThrowsClause() {
    SQLException failure = new SQLException("generic");
    assertThatThrownBy(() -> shapes.genericThrows(failure)).isSameAs(failure);
    assertThat(onlySpan()).hasName("shapes.generic.throws").hasException(failure);
  }

  private SpanData onlySpan() {
    assertThat(Exported.spans(otel)).hasSize(1);
    return Exported.spans(otel).get(0);
  }
}
