package dev.traced.it;

import dev.traced.testsupport.OtlpHttpReceiver;
import java.util.List;

/**
 * Spring Boot 4.0.7 with {@code spring-boot-starter-opentelemetry}: Boot makes the OpenTelemetry
 * SDK a bean, and Micrometer's observations make the HTTP server spans.
 */
class Boot40OpenTelemetryIT extends SpringBootServiceIT {

  Boot40OpenTelemetryIT() {
    super("boot40-opentelemetry");
  }

  @Override
  boolean bootPinsAspectJ1924() {
    return false;
  }

  @Override
  List<String> exportTo(OtlpHttpReceiver receiver) {
    return List.of(
        "--management.opentelemetry.tracing.export.otlp.endpoint=" + receiver.tracesEndpoint());
  }
}
