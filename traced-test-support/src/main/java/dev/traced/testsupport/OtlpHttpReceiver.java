package dev.traced.testsupport;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * What an OpenTelemetry Collector would be to the services under test, reduced to a test's
 * needs: OTLP over HTTP with protobuf ({@code POST /v1/traces}) on loopback, keeping every span
 * it receives. Other OTLP signals (metrics, logs) are answered 404 and dropped.
 */
public final class OtlpHttpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<ReceivedSpan> spans = new ArrayList<>();

  public OtlpHttpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  /** For {@code OTEL_EXPORTER_OTLP_ENDPOINT}; the exporter appends {@code /v1/traces}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Where the spans go, for exporters that take the full URL. */
  public URI tracesEndpoint() {
    return endpoint().resolve("/v1/traces");
  }

  public synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /**
   * The spans received so far, once {@code complete} holds for them or {@code timeout} has
   * passed, whichever comes first: the caller's assertions then say what is missing.
   */
  public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> complete, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ReceivedSpan> received = spans();
    while (!complete.test(received) && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(50);
      received = spans();
    }
    return received;
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
  public record ReceivedSpan(Resource resource, InstrumentationScope scope, Span span) {

    /** The resource's {@code service.name}, or an empty string. */
    public String service() {
      String service = resourceAttribute("service.name");
      return service == null ? "" : service;
    }

    /** A string attribute of the resource, or null. */
    public String resourceAttribute(String key) {
      AnyValue value = attributes(resource.getAttributesList()).get(key);
      return value == null ? null : value.getStringValue();
    }

    public String name() {
      return span.getName();
    }

    public Span.SpanKind kind() {
      return span.getKind();
    }

    public String traceId() {
      return HexFormat.of().formatHex(span.getTraceId().toByteArray());
    }

    public String spanId() {
      return HexFormat.of().formatHex(span.getSpanId().toByteArray());
    }

    /** Empty for a root span. */
    public String parentSpanId() {
      return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
    }

    /** Each attribute with its typed value: a string, int, double or bool {@link AnyValue}. */
    public Map<String, AnyValue> attributes() {
      return attributes(span.getAttributesList());
    }

    public static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
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
