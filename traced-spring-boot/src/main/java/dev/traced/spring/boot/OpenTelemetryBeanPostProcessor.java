package dev.traced.spring.boot;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DestructionAwareBeanPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Hands the context's {@link OpenTelemetry} bean to traced ({@link TracedOpenTelemetry#set}) as
 * soon as the bean is initialized, so that traced methods called by other beans while the
 * context starts already get spans, and takes it back ({@link TracedOpenTelemetry#clear}) just
 * before the bean is destroyed, so that traced never uses an SDK that has been shut down.
 *
 * <p>With several {@code OpenTelemetry} beans, traced uses the one Spring would inject into a
 * plain {@code OpenTelemetry} parameter: the only one that is a (default) autowire candidate,
 * else the only primary one, else the only one that is not a fallback. If that leaves none or
 * several, traced uses none of them, says so once in the log, and keeps sending its spans where
 * it would without Spring (the java agent's or the global OpenTelemetry). The choice is made from
 * the bean definitions, so no bean is created early to make it.
 *
 * <p>{@link PriorityOrdered}: Spring registers these post-processors before it creates the
 * others, so this one also sees an {@code OpenTelemetry} bean that one of them needs. Lowest
 * precedence within that group, so that it sees the bean after the other such post-processors
 * had their say.
 */
final class OpenTelemetryBeanPostProcessor
    implements DestructionAwareBeanPostProcessor, BeanFactoryAware, PriorityOrdered {

  private static final Log log = LogFactory.getLog(OpenTelemetryBeanPostProcessor.class);

  private ConfigurableListableBeanFactory beanFactory;
  private boolean ambiguityReported;

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    if (beanFactory instanceof ConfigurableListableBeanFactory listable) {
      this.beanFactory = listable;
    }
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof OpenTelemetry openTelemetry && beanName.equals(beanToUse())) {
      TracedOpenTelemetry.set(openTelemetry);
    }
    return bean;
  }

  @Override
  public boolean requiresDestruction(Object bean) {
    return bean instanceof OpenTelemetry;
  }

  /** Does nothing if traced uses another instance by now (another context's, or the user's). */
  @Override
  public void postProcessBeforeDestruction(Object bean, String beanName) {
    if (bean instanceof OpenTelemetry openTelemetry) {
      TracedOpenTelemetry.clear(openTelemetry);
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  /** The name of the {@code OpenTelemetry} bean traced uses, or null for none. */
  private String beanToUse() {
    if (beanFactory == null) {
      return null;
    }
    List<Candidate> candidates = new ArrayList<>();
    for (String name : beanFactory.getBeanNamesForType(OpenTelemetry.class, false, false)) {
      BeanDefinition definition = definition(name);
      if (definition == null) {
        candidates.add(new Candidate(name, false, false));
      } else if (definition.isAutowireCandidate()
          && !(definition instanceof AbstractBeanDefinition abstractDefinition
              && !abstractDefinition.isDefaultCandidate())) {
        candidates.add(new Candidate(name, definition.isPrimary(), definition.isFallback()));
      }
    }
    for (Predicate<Candidate> rule : List.<Predicate<Candidate>>of(
        candidate -> true, Candidate::primary, candidate -> !candidate.fallback())) {
      List<Candidate> chosen = candidates.stream().filter(rule).toList();
      if (chosen.size() == 1) {
        return chosen.get(0).name();
      }
    }
    if (!candidates.isEmpty() && !ambiguityReported) {
      ambiguityReported = true;
      log.warn("traced uses none of the OpenTelemetry beans "
          + candidates.stream().map(Candidate::name).toList()
          + ", as none of them is the only primary one. Mark the one for traced spans @Primary,"
          + " or call dev.traced.runtime.TracedOpenTelemetry.set(openTelemetry). Until then"
          + " traced spans go to the OpenTelemetry java agent's or the global OpenTelemetry,"
          + " if there is one.");
    }
    return null;
  }

  /** An {@code OpenTelemetry} bean that Spring would consider for a plain injection point. */
  private record Candidate(String name, boolean primary, boolean fallback) {}

  /** Null for a singleton registered as an object, without a definition. */
  private BeanDefinition definition(String name) {
    try {
      return beanFactory.getMergedBeanDefinition(name);
    } catch (NoSuchBeanDefinitionException registeredAsObject) {
      return null;
    }
  }
}
