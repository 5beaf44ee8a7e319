package dev.traced.it;

import dev.traced.testsupport.OtlpHttpReceiver;
import java.util.List;

/**
 * Spring Boot 3.5.7 with OpenTelemetry's own {@code opentelemetry-spring-boot-starter} 2.31.1:
 * the starter makes the SDK a bean, and its Spring MVC instrumentation makes the HTTP server
 * spans.
 */
class Boot35OpenTelemetryStarterIT extends SpringBootServiceIT {

  Boot35OpenTelemetryStarterIT() {
    super("boot35-opentelemetry-starter");
  }

  @Override
  boolean bootPinsAspectJ1924() {
    return true;
  }

  @Override
  List<String> exportTo(OtlpHttpReceiver receiver) {
    return List.of("--otel.exporter.otlp.endpoint=" + receiver.endpoint());
  }
}
