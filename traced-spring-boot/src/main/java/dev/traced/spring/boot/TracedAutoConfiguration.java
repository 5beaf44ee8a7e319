package dev.traced.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Sends traced spans to the application's {@link io.opentelemetry.api.OpenTelemetry} bean,
 * whoever made it: Spring Boot's own OpenTelemetry support, OpenTelemetry's Spring Boot starter,
 * or the application. None of them registers its instance as the global OpenTelemetry, which is
 * where traced would otherwise look.
 *
 * <p>Registered in {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports};
 * {@code traced.spring.enabled=false} turns it off. Uses only classes that Spring Boot 3.5 and
 * 4.0 both have, in the same packages.
 */
@AutoConfiguration
@ConditionalOnProperty(name = "traced.spring.enabled", havingValue = "true", matchIfMissing = true)
public class TracedAutoConfiguration {

  /**
   * Static: a post-processor declared by an instance method would make Spring create this
   * configuration, and everything it needs, before the post-processors are registered.
   */
  @Bean
  static OpenTelemetryBeanPostProcessor tracedOpenTelemetryBeanPostProcessor() {
    return new OpenTelemetryBeanPostProcessor();
  }
}
