package dev.traced.it;

import dev.traced.testsupport.OtlpHttpReceiver;
import java.util.List;

/**
 * Spring Boot 3.5.7 with the actuator, Micrometer Tracing's OpenTelemetry bridge and the OTLP
 * exporter: Boot makes the OpenTelemetry SDK a bean, and Micrometer's observations make the
 * HTTP server spans.
 */
class Boot35MicrometerIT extends SpringBootServiceIT {

  Boot35MicrometerIT() {
    super("boot35-micrometer");
  }

  @Override
  boolean bootPinsAspectJ1924() {
    return true;
  }

  @Override
  List<String> exportTo(OtlpHttpReceiver receiver) {
    return List.of("--management.otlp.tracing.endpoint=" + receiver.tracesEndpoint());
  }
}
