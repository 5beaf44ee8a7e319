package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** code.function.name, code.file.path and code.line.number, on by default. */
class SourceAttributesTest {

  @RegisterExtension static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  @Test
  void nameFileAndLineOfTheTracedMethod() throws IOException {
    new Outcomes().find("x");
    SpanData span = otel.getSpans().get(0);
    assertThat(span.getAttributes().get(Exported.FUNCTION))
        .isEqualTo("dev.traced.it.Outcomes.find");
    assertThat(span.getAttributes().get(Exported.FILE)).isEqualTo("dev/traced/it/Outcomes.java");
    assertThat(span.getAttributes().get(Exported.LINE))
        .isEqualTo(lineOf("src/main/java/dev/traced/it/Outcomes.java", "public String find("));
  }

  @Test
  void nestedClassMethodIsNamedByItsCanonicalName() {
    new Shapes.Nested().nested("n");
    assertThat(otel.getSpans().get(0).getAttributes().get(Exported.FUNCTION))
        .isEqualTo("dev.traced.it.Shapes.Nested.nested");
  }

  private static long lineOf(String file, String fragment) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(file));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError(fragment + " not in " + file);
  }
}
