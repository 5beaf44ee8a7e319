package dev.traced.agentit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
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
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for an OpenTelemetry Collector: receives OTLP over HTTP with protobuf
 * ({@code POST /v1/traces}) on a free loopback port and keeps every span, with its resource and
 * instrumentation scope. Both the agent's exporter and the application's own SDK send here.
 */
final class OtlpReceiver implements AutoCloseable {

  private final HttpServer server;
  private final List<ExportedSpan> spans = new ArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/traces", this::receive);
    server.start();
  }

  /** The full URL of the traces endpoint, for {@code otel.exporter.otlp.traces.endpoint}. */
  URI tracesEndpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
  }

  /** Every span received so far, in the order received. */
  synchronized List<ExportedSpan> spans() {
    return List.copyOf(spans);
  }

  private void receive(HttpExchange exchange) throws IOException {
    try {
      ExportTraceServiceRequest request;
      boolean gzip = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"));
      try (InputStream body = gzip
          ? new GZIPInputStream(exchange.getRequestBody())
          : exchange.getRequestBody()) {
        request = ExportTraceServiceRequest.parseFrom(body);
      }
      synchronized (this) {
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
          for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
            for (Span span : scopeSpans.getSpansList()) {
              spans.add(new ExportedSpan(resourceSpans.getResource(), scopeSpans.getScope(), span));
            }
          }
        }
      }
      // Answered only once the spans are kept: an exporter that has its answer has delivered.
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
}
