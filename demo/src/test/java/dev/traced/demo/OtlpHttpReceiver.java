package dev.traced.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * What an OpenTelemetry Collector would be to the demo, reduced to a test's needs: OTLP over
 * HTTP with protobuf ({@code POST /v1/traces}) on loopback, keeping every span it receives.
 */
final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  OtlpHttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  /** For {@code OTEL_EXPORTER_OTLP_ENDPOINT}; the exporter appends {@code /v1/traces}. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try {
      ExportTraceServiceRequest request;
      try (InputStream body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))
          ? new GZIPInputStream(exchange.getRequestBody())
          : exchange.getRequestBody()) {
        request = ExportTraceServiceRequest.parseFrom(body);
      }
      synchronized (this) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
          for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            for (Span span : scopeSpans.getSpansList()) {
              spans.add(new ReceivedSpan(resourceSpans.getResource(), scopeSpans.getScope(), span));
            }
          }
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** One span as it arrived, with the resource and instrumentation scope it came with. */
  record ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {

    String service() {
      return attributes(resource.getAttributesList()).get("service.name").getStringValue();
    }

    String name() {
      return span.getName();
    }

    String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    /** Empty for a root span. */
    String parentSpanId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    /** Each attribute with its typed value: a string, int, double or bool {@link AnyValue}. */
    Map<String, AnyValue> attributes() {
      return attributes(span.getAttributesList());
    }

    static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
      Map<String, AnyValue> attributes = new LinkedHashMap<>();
      keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), keyValue.getValue()));
      return attributes;
    }

    @Override
    public String toString() {
      return service() + " '" + name() + "' " + span.getKind() + " " + traceId() + " "
          + spanId() + " parent=" + parentSpanId();
    }
  }
}
