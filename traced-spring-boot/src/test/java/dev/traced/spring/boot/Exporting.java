package dev.traced.spring.boot;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;

/**
 * An OpenTelemetry SDK that keeps every span it exports in memory. A context closes the SDKs it
 * holds as beans, and an {@link InMemorySpanExporter} forgets its spans when it is shut down:
 * look at a bean's spans while its context is open.
 */
record Exporting(OpenTelemetrySdk openTelemetry, InMemorySpanExporter exporter) {

  static Exporting sdk() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build())
        .build();
    return new Exporting(openTelemetry, exporter);
  }

  /** The same, registered as the global OpenTelemetry. */
  static Exporting global() {
    Exporting global = sdk();
    io.opentelemetry.api.GlobalOpenTelemetry.set(global.openTelemetry());
    return global;
  }

  /** The names of the spans exported so far, with the greeted name: {@code greeter.greet(ada)}. */
  List<String> spans() {
    return exporter.getFinishedSpanItems().stream().map(Exporting::describe).toList();
  }

  private static String describe(SpanData span) {
    return span.getName() + "(" + span.getAttributes().asMap().entrySet().stream()
        .filter(entry -> entry.getKey().getKey().equals("greeting.name"))
        .map(entry -> String.valueOf(entry.getValue()))
        .findFirst().orElse("") + ")";
  }
}
