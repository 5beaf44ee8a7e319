package dev.traced.bench;

import io.opentelemetry.instrumentation.annotations.SpanAttribute;
import io.opentelemetry.instrumentation.annotations.WithSpan;

/**
 * {@link Workload}'s work, annotated the way OpenTelemetry users write it: {@code @WithSpan} names
 * the span, {@code @SpanAttribute} turns each parameter into an attribute (a String as a string,
 * an int as a long). Read at run time by whoever wraps the method: the OpenTelemetry java agent
 * ({@link AgentBenchmark}) or OpenTelemetry's Spring AOP aspect ({@link Peers#springWithSpan}).
 *
 * <p>Not final, and the method is public and not final: Spring proxies the class by subclassing
 * it, as Spring Boot does by default.
 */
public class WithSpanWorkload {

  @WithSpan(Workload.SPAN_NAME)
  public long work(
      @SpanAttribute("bench.order.id") String id, @SpanAttribute("bench.items") int count) {
    return Workload.work(id, count);
  }
}
