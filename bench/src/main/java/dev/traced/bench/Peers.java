package dev.traced.bench;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.aop.ObservedAspect;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.spring.autoconfigure.internal.instrumentation.annotations.InstrumentationAnnotationsAutoConfiguration;
import java.util.List;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.EnableAspectJAutoProxy;

/**
 * Builds the peers that run in the benchmark's own JVM, each the way its users get it: a Spring
 * application context with AspectJ auto-proxying, the peer's aspect as a bean, and the workload
 * as a bean, which Spring replaces with a subclass proxy ({@code proxyTargetClass}, Spring Boot's
 * default). The caller closes the context.
 */
final class Peers {

  private Peers() {}

  /** A Spring context and the proxied workload bean in it. */
  record Proxied<T>(AnnotationConfigApplicationContext context, T bean) {}

  /** Turns on Spring's AspectJ auto-proxying: every {@code @Aspect} bean advises matching beans. */
  @Configuration(proxyBeanMethods = false)
  @EnableAspectJAutoProxy(proxyTargetClass = true)
  static class AutoProxy {}

  /**
   * {@code @WithSpan} through OpenTelemetry's own Spring AOP aspect: the auto-configuration class
   * of {@code opentelemetry-spring-boot-autoconfigure} registers it as in a Spring Boot
   * application with the OpenTelemetry starter, here on {@code openTelemetry}. (Its Spring Boot
   * conditions are not evaluated: Spring Boot is not on the class path.)
   */
  static Proxied<WithSpanWorkload> springWithSpan(OpenTelemetry openTelemetry) {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    // A singleton registered as an object: Spring does not close it with the context (a bean
    // definition of an AutoCloseable would be), the caller owns the SDK.
    context.getBeanFactory().registerSingleton("openTelemetry", openTelemetry);
    context.register(AutoProxy.class, InstrumentationAnnotationsAutoConfiguration.class);
    context.registerBean(WithSpanWorkload.class);
    context.refresh();
    return proxied(context, WithSpanWorkload.class);
  }

  /**
   * {@code @Observed} through Micrometer's {@link ObservedAspect}, on an observation registry
   * whose only handler is micrometer-tracing's tracing handler on the OpenTelemetry bridge, over
   * {@code openTelemetry}'s tracer: what Spring Boot's tracing auto-configuration sets up, without
   * the metrics handler (only spans are compared).
   */
  static Proxied<ObservedWorkload> micrometerObserved(OpenTelemetry openTelemetry) {
    OtelCurrentTraceContext currentTraceContext = new OtelCurrentTraceContext();
    OtelTracer tracer = new OtelTracer(
        openTelemetry.getTracer("dev.traced.bench.micrometer"),
        currentTraceContext,
        event -> {},
        new OtelBaggageManager(currentTraceContext, List.of(), List.of()));
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationHandler(new DefaultTracingObservationHandler(tracer));

    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.register(AutoProxy.class);
    context.registerBean(ObservedAspect.class,
        () -> new ObservedAspect(registry, new ObservedWorkload.OrderConvention()));
    context.registerBean(ObservedWorkload.class);
    context.refresh();
    return proxied(context, ObservedWorkload.class);
  }

  /** The bean, checked to be a Spring AOP proxy with advice: a missing aspect must not pass. */
  private static <T> Proxied<T> proxied(AnnotationConfigApplicationContext context, Class<T> type) {
    T bean = context.getBean(type);
    if (!AopUtils.isAopProxy(bean) || ((Advised) bean).getAdvisors().length == 0) {
      context.close();
      throw new IllegalStateException(type.getSimpleName() + " bean is not advised: " + bean);
    }
    return new Proxied<>(context, bean);
  }
}
