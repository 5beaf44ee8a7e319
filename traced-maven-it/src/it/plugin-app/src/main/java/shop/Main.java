package shop;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Registers an OpenTelemetry SDK that prints each span it records as one line, with the type of
 * each attribute, then places an order: a woven Orders.place prints a line, an unwoven one none.
 */
public class Main {

  public static void main(String[] args) {
    SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
        .addSpanProcessor(SimpleSpanProcessor.create(new PrintingExporter()))
        .build();
    OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).buildAndRegisterGlobal();
    System.out.println(new Orders().place(new Order("book-1", 2)));
    tracerProvider.shutdown().join(10, TimeUnit.SECONDS);
  }

  /** "span order.place INTERNAL dev.traced {shop.item.quantity=2 (LONG), ...}" */
  static final class PrintingExporter implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      for (SpanData span : spans) {
        Map<String, String> attributes = new TreeMap<>();
        span.getAttributes().forEach((AttributeKey<?> key, Object value) -> {
          if (key.getKey().startsWith("shop.")) {
            attributes.put(key.getKey(), value + " (" + key.getType() + ")");
          }
        });
        System.out.println("span " + span.getName() + " " + span.getKind() + " "
            + span.getInstrumentationScopeInfo().getName() + " " + attributes);
      }
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
