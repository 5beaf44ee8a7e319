package dev.traced.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration in Spring contexts as Spring Boot starts them, with a traced class
 * woven like an application's ({@link Greeter}): each test asserts where its spans are exported.
 */
@ExtendWith(OutputCaptureExtension.class)
class TracedAutoConfigurationTest {

  private final ApplicationContextRunner contexts = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(TracedAutoConfiguration.class));

  private final Greeter greeter = new Greeter();

  @BeforeEach
  @AfterEach
  void forgetEveryOpenTelemetry() {
    TracedOpenTelemetry.resetForTest();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void tracedSpansGoToTheApplicationsOpenTelemetryBean() {
    Exporting global = Exporting.global();
    contexts.withUserConfiguration(OneOpenTelemetry.class).run(context -> {
      greeter.greet("ada");

      List<SpanData> spans = context.getBean(Exporting.class).exporter().getFinishedSpanItems();
      assertThat(spans).singleElement().satisfies(span -> {
        assertThat(span.getName()).isEqualTo("greeter.greet");
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
      });
      assertThat(global.spans()).isEmpty();
    });
  }

  @Test
  void aTracedCallWhileTheContextStartsGetsASpanOnceTheBeanExists() {
    contexts.withUserConfiguration(OneOpenTelemetry.class, GreetsOnStart.class).run(context ->
        assertThat(context.getBean(Exporting.class).spans())
            .containsExactly("greeter.greet(start)"));
  }

  @Test
  void withoutAnOpenTelemetryBeanTracedKeepsUsingTheGlobal() {
    Exporting global = Exporting.global();
    contexts.run(context -> {
      assertThat(context).doesNotHaveBean(OpenTelemetry.class);
      greeter.greet("ada");
    });
    assertThat(global.spans()).containsExactly("greeter.greet(ada)");
  }

  @Test
  void afterTheContextClosesTracedGoesBackToTheGlobal() {
    Exporting global = Exporting.global();
    ConfigurableApplicationContext[] closed = new ConfigurableApplicationContext[1];
    contexts.withUserConfiguration(OneOpenTelemetry.class).run(context -> {
      closed[0] = context.getSourceApplicationContext();
      greeter.greet("open");
      assertThat(context.getBean(Exporting.class).spans()).containsExactly("greeter.greet(open)");
    });
    assertThat(closed[0].isActive()).isFalse();

    greeter.greet("closed");

    assertThat(global.spans()).containsExactly("greeter.greet(closed)");
  }

  @Test
  void twoContextsOneAfterTheOtherEachGetTheirOwnSpans() {
    contexts.withUserConfiguration(OneOpenTelemetry.class).run(context -> {
      greeter.greet("first");
      assertThat(context.getBean(Exporting.class).spans()).containsExactly("greeter.greet(first)");
    });
    contexts.withUserConfiguration(OneOpenTelemetry.class).run(context -> {
      greeter.greet("second");
      assertThat(context.getBean(Exporting.class).spans()).containsExactly("greeter.greet(second)");
    });
  }

  /** Declared before and after the other bean: neither the first nor the last one wins. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void ofSeveralBeansThePrimaryOneIsUsed(boolean primaryFirst) {
    Exporting primary = Exporting.sdk();
    Exporting other = Exporting.sdk();
    ApplicationContextRunner runner = primaryFirst
        ? contexts.withBean("primary", OpenTelemetry.class, primary::openTelemetry,
                definition -> definition.setPrimary(true))
            .withBean("other", OpenTelemetry.class, other::openTelemetry)
        : contexts.withBean("other", OpenTelemetry.class, other::openTelemetry)
            .withBean("primary", OpenTelemetry.class, primary::openTelemetry,
                definition -> definition.setPrimary(true));
    runner.run(context -> {
      greeter.greet("ada");
      assertThat(primary.spans()).containsExactly("greeter.greet(ada)");
      assertThat(other.spans()).isEmpty();
    });
  }

  /** Beans that Spring would not inject into a plain {@code OpenTelemetry} parameter. */
  @Test
  void beansThatAreNoDefaultCandidatesAreNotUsed() {
    Exporting used = Exporting.sdk();
    Exporting noCandidate = Exporting.sdk();
    Exporting noDefaultCandidate = Exporting.sdk();
    contexts.withBean("noCandidate", OpenTelemetry.class, noCandidate::openTelemetry,
            definition -> definition.setAutowireCandidate(false))
        .withBean("used", OpenTelemetry.class, used::openTelemetry)
        .withBean("noDefaultCandidate", OpenTelemetry.class, noDefaultCandidate::openTelemetry,
            definition -> ((AbstractBeanDefinition) definition).setDefaultCandidate(false))
        .run(context -> {
          greeter.greet("ada");
          assertThat(used.spans()).containsExactly("greeter.greet(ada)");
          assertThat(noCandidate.spans()).isEmpty();
          assertThat(noDefaultCandidate.spans()).isEmpty();
        });
  }

  @Test
  void ofSeveralBeansWithoutAPrimaryNoneIsUsedAndTheLogSaysSo(CapturedOutput output) {
    Exporting global = Exporting.global();
    Exporting one = Exporting.sdk();
    Exporting two = Exporting.sdk();
    contexts.withBean("one", OpenTelemetry.class, one::openTelemetry)
        .withBean("two", OpenTelemetry.class, two::openTelemetry)
        .run(context -> {
          greeter.greet("ada");
          assertThat(one.spans()).isEmpty();
          assertThat(two.spans()).isEmpty();
        });
    assertThat(global.spans()).containsExactly("greeter.greet(ada)");
    assertThat(output).containsOnlyOnce("traced uses none of the OpenTelemetry beans [one, two]");
  }

  @Test
  void tracedSpringEnabledFalseLeavesTheBeanAlone() {
    Exporting global = Exporting.global();
    contexts.withUserConfiguration(OneOpenTelemetry.class)
        .withPropertyValues("traced.spring.enabled=false")
        .run(context -> {
          assertThat(context).doesNotHaveBean(OpenTelemetryBeanPostProcessor.class);
          greeter.greet("ada");
          assertThat(context.getBean(Exporting.class).spans()).isEmpty();
        });
    assertThat(global.spans()).containsExactly("greeter.greet(ada)");
  }

  @Test
  void springBootFindsTheAutoConfiguration() {
    assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()))
        .contains(TracedAutoConfiguration.class.getName());
  }

  /** As an application declares its SDK; Spring closes it with the context. */
  @Configuration(proxyBeanMethods = false)
  static class OneOpenTelemetry {

    @Bean
    Exporting exporting() {
      return Exporting.sdk();
    }

    @Bean
    OpenTelemetrySdk openTelemetry(Exporting exporting) {
      return exporting.openTelemetry();
    }
  }

  /** A bean that calls a traced method while the context starts, once OpenTelemetry exists. */
  @Configuration(proxyBeanMethods = false)
  static class GreetsOnStart {

    @Bean
    String startGreeting(OpenTelemetry openTelemetry) {
      return new Greeter().greet("start");
    }
  }
}
