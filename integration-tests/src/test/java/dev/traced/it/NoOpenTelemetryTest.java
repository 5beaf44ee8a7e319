package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No OpenTelemetry registered at all: the woven methods skip the span and behave exactly as
 * written, and traced never registers a global on its own.
 */
class NoOpenTelemetryTest {

  @BeforeEach
  @AfterEach
  void noGlobal() {
    GlobalOpenTelemetry.resetForTest();
    TracedOpenTelemetry.resetForTest();
  }

  @Test
  void resultsAndExceptionsAreUnchanged() {
    Shapes shapes = new Shapes();
    for (int i = 0; i < 1_000; i++) {
      assertThat(shapes.instance("a")).isEqualTo("instance:a");
      assertThat(Shapes.staticMethod(i)).isEqualTo(2 * i);
      StringBuilder sink = new StringBuilder();
      shapes.voidMethod("v", sink);
      assertThat(sink).hasToString("v");
    }
    IllegalStateException failure = new IllegalStateException("boom");
    assertThatThrownBy(() -> shapes.unchecked(failure)).isSameAs(failure);
    assertThatThrownBy(() -> shapes.checked(true)).isExactlyInstanceOf(IOException.class);
    // traced never registered a global: the application still can
    OpenTelemetrySdk.builder().buildAndRegisterGlobal();
  }
}
