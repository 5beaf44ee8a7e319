package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults injected into every part of tracing, through the real weave: the traced method returns
 * the same value, throws the same exception and runs its body exactly once, whatever breaks.
 */
class NeverBreaksTest {

  private final Outcomes outcomes = new Outcomes();
  private final AsyncOps async = new AsyncOps();

  @AfterEach
  void reset() {
    TracedOpenTelemetry.resetForTest();
  }

  /** A broken OpenTelemetry, named for the test report. */
  record Fault(String name, OpenTelemetry openTelemetry) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Fault> faults() {
    return Stream.of(
        new Fault("tracer throws", withTracer(name -> {
          throw new IllegalStateException("broken tracer");
        })),
        new Fault("tracer returns null", withTracer(name -> null)),
        new Fault("builder throws on setAttribute", withTracer(name -> builder(span -> {
          throw new IllegalStateException("broken builder");
        }, "setAttribute"))),
        new Fault("builder throws on startSpan", withTracer(name -> builder(span -> {
          throw new IllegalStateException("broken builder");
        }, "startSpan"))),
        new Fault("span throws on everything", withTracer(name -> builder(span -> brokenSpan(), ""))),
        new Fault("span processor throws on start", sdk(new ThrowingProcessor(true, false))),
        new Fault("span processor throws on end", sdk(new ThrowingProcessor(false, true))),
        new Fault("exporter throws", sdkWith(SimpleSpanProcessor.create(new ThrowingExporter()))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void resultAndSideEffectStayTheSame(Fault fault) {
    TracedOpenTelemetry.set(fault.openTelemetry());
    assertThat(outcomes.find("a")).isEqualTo("found a");
    assertThat(outcomes.tagged(new Outcomes.Counted(List.of("t")))).isEqualTo("tagged");
    assertThat(outcomes.bodies).hasValue(2);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void exceptionStaysTheSame(Fault fault) {
    TracedOpenTelemetry.set(fault.openTelemetry());
    assertThatThrownBy(() -> outcomes.find("broken-1"))
        .isExactlyInstanceOf(Outcomes.BrokenException.class)
        .hasMessageStartingWith("cannot look up broken-1");
    assertThatThrownBy(() -> outcomes.find("missing-1"))
        .isExactlyInstanceOf(Outcomes.NotFoundException.class);
    assertThat(outcomes.bodies).hasValue(2);
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void asyncResultsStayTheSame(Fault fault) {
    TracedOpenTelemetry.set(fault.openTelemetry());
    CompletableFuture<AsyncOps.Order> pending = new CompletableFuture<>();
    assertThat(async.stage("x", pending)).isSameAs(pending);
    pending.complete(new AsyncOps.Order("o", 1));
    assertThat(async.mono(reactor.core.publisher.Mono.just(new AsyncOps.Order("m", 2))).block())
        .isEqualTo(new AsyncOps.Order("m", 2));
    IllegalStateException failure = new IllegalStateException("flux failed");
    assertThatThrownBy(() -> async.flux(reactor.core.publisher.Flux.error(failure)).blockLast())
        .isSameAs(failure);
    assertThat(async.bodies).hasValue(3);
  }

  @Test
  void aThrowingAccessorOnlyLosesItsAttribute() {
    io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter exporter =
        io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter.create();
    TracedOpenTelemetry.set(sdkWith(SimpleSpanProcessor.create(exporter)));
    Outcomes.Counted throwing = new Outcomes.Counted(null); // first() throws on null tags
    assertThat(outcomes.tagged(throwing)).isEqualTo("tagged");
    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("first")))
        .isNull();
    assertThat(span.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey("result")))
        .isEqualTo("tagged");
  }

  @Test
  void aBlockingExporterNeverBlocksTheCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SpanExporter blocking =
        new ThrowingExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> spans) {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return CompletableResultCode.ofSuccess();
          }
        };
    OpenTelemetrySdk sdk =
        sdkWith(BatchSpanProcessor.builder(blocking).setMaxQueueSize(8).setMaxExportBatchSize(1).build());
    TracedOpenTelemetry.set(sdk);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Integer> calls =
          caller.submit(() -> {
            for (int i = 0; i < 100; i++) {
              outcomes.find("b" + i);
            }
            return outcomes.bodies.get();
          });
      // Bounded so a regression fails instead of hanging; not a timing assertion.
      assertThat(calls.get(60, TimeUnit.SECONDS)).isEqualTo(100);
    } finally {
      release.countDown();
      caller.shutdownNow();
      sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static OpenTelemetry withTracer(Tracer tracer) {
    TracerProvider provider =
        new TracerProvider() {
          @Override
          public Tracer get(String name) {
            return tracer;
          }

          @Override
          public Tracer get(String name, String version) {
            return tracer;
          }
        };
    return new OpenTelemetry() {
      @Override
      public TracerProvider getTracerProvider() {
        return provider;
      }

      @Override
      public ContextPropagators getPropagators() {
        return ContextPropagators.noop();
      }
    };
  }

  /**
   * A span builder that works like the no-op one except for {@code failing} methods ("" for
   * none), which call {@code fault}; {@code startSpan} returns what {@code fault} gives when it is
   * not failing. A test-only proxy: traced itself uses no reflection.
   */
  private static SpanBuilder builder(Function<Void, Span> fault, String failing) {
    return (SpanBuilder) Proxy.newProxyInstance(
        SpanBuilder.class.getClassLoader(),
        new Class<?>[] {SpanBuilder.class},
        (proxy, method, args) -> {
          if (method.getName().equals(failing)) {
            return fault.apply(null);
          }
          if (method.getName().equals("startSpan")) {
            return fault.apply(null);
          }
          return proxy;
        });
  }

  private static Span brokenSpan() {
    return (Span) Proxy.newProxyInstance(
        Span.class.getClassLoader(),
        new Class<?>[] {Span.class},
        (proxy, method, args) -> {
          if (method.getName().equals("toString")) {
            return "broken span";
          }
          throw new IllegalStateException("broken span: " + method.getName());
        });
  }

  private static OpenTelemetrySdk sdk(SpanProcessor processor) {
    return sdkWith(processor);
  }

  private static OpenTelemetrySdk sdkWith(SpanProcessor processor) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(processor).build())
        .build();
  }

  private static final class ThrowingProcessor implements SpanProcessor {
    private final boolean onStart;
    private final boolean onEnd;

    ThrowingProcessor(boolean onStart, boolean onEnd) {
      this.onStart = onStart;
      this.onEnd = onEnd;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      throw new IllegalStateException("broken processor start");
    }

    @Override
    public boolean isStartRequired() {
      return onStart;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      throw new IllegalStateException("broken processor end");
    }

    @Override
    public boolean isEndRequired() {
      return onEnd;
    }
  }

  private static class ThrowingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      throw new IllegalStateException("broken exporter");
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
