package dev.traced.bench;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.annotation.Observed;
import io.micrometer.observation.aop.ObservedAspect;

/**
 * {@link Workload}'s work under Micrometer's {@code @Observed}, wrapped by Micrometer's {@link
 * ObservedAspect} through a Spring AOP proxy ({@link Peers#micrometerObserved}).
 *
 * <p>{@code @Observed} has no per-parameter attributes: its key values are constants. The closest
 * honest equivalent is an {@link ObservationConvention} given to the aspect, {@link
 * OrderConvention}, which reads the two arguments from the join point and returns them as
 * high-cardinality key values, which the tracing handler turns into span attributes. Micrometer
 * key values are strings, so {@code bench.items} arrives as the string {@code "3"}, not the long
 * 3 the other peers record.
 */
public class ObservedWorkload {

  @Observed(name = Workload.SPAN_NAME, contextualName = Workload.SPAN_NAME)
  public long work(String id, int count) {
    return Workload.work(id, count);
  }

  /**
   * Names the observation (and so the span) {@code bench.work} and adds the two arguments as key
   * values. (The aspect adds {@code class} and {@code method} key values to the context itself,
   * whatever the convention; they become span attributes too.)
   */
  public static final class OrderConvention
      implements ObservationConvention<ObservedAspect.ObservedAspectContext> {

    @Override
    public String getName() {
      return Workload.SPAN_NAME;
    }

    @Override
    public String getContextualName(ObservedAspect.ObservedAspectContext context) {
      return Workload.SPAN_NAME;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ObservedAspect.ObservedAspectContext context) {
      Object[] args = context.getProceedingJoinPoint().getArgs();
      return KeyValues.of(
          "bench.order.id", String.valueOf(args[0]), "bench.items", String.valueOf(args[1]));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
      return context instanceof ObservedAspect.ObservedAspectContext;
    }
  }
}
