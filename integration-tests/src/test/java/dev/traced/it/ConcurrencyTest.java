package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.runtime.TracedOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 16 threads × 100,000 traced calls through the real weave, under strict context: one in ten
 * runs its nested call on a shared executor. Every span is checked as it ends, rather than kept,
 * so millions of them fit in memory: the exact count per name, each child's parent, no parent on
 * a root (a context leaked from an earlier call would show as one), and no span current on a
 * thread between calls.
 */
class ConcurrencyTest {

  private static final int THREADS = 16;
  private static final int CALLS_PER_THREAD = 100_000;
  private static final int ASYNC_EVERY = 10;
  private static final AttributeKey<Long> CALL = AttributeKey.longKey("call");

  @AfterEach
  void reset() {
    TracedOpenTelemetry.resetForTest();
  }

  /** Checks each span when it ends; inner spans always end before their parent. */
  private static final class Checker implements SpanProcessor {
    final Map<String, LongAdder> ended = new ConcurrentHashMap<>();
    final Map<Long, String> parentOfInner = new ConcurrentHashMap<>();
    final LongAdder wrongParents = new LongAdder();
    final LongAdder rootsWithAParent = new LongAdder();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      SpanData data = span.toSpanData();
      ended.computeIfAbsent(data.getName(), name -> new LongAdder()).increment();
      long call = data.getAttributes().get(CALL);
      if (data.getName().equals("work.inner")) {
        parentOfInner.put(call, data.getParentSpanId());
        return;
      }
      if (data.getParentSpanContext().isValid()) {
        rootsWithAParent.increment();
      }
      String parent = parentOfInner.remove(call);
      if (!data.getSpanId().equals(parent)) {
        wrongParents.increment();
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  @Test
  void everySpanIsExportedOnceWithItsParentAndNoContextLeaks() throws Exception {
    Checker checker = new Checker();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(checker).build())
            .build();
    TracedOpenTelemetry.set(sdk);
    Workers workers = new Workers();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    LongAdder leaks = new LongAdder();
    LongAdder wrongResults = new LongAdder();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long first = (long) t * CALLS_PER_THREAD;
        done.add(callers.submit(() -> {
          for (long call = first; call < first + CALLS_PER_THREAD; call++) {
            long result =
                call % ASYNC_EVERY == 0
                    ? workers.async(call, Context.taskWrapping(pool)).join()
                    : workers.outer(call) - 1;
            if (result != call * 2) {
              wrongResults.increment();
            }
            if (Span.current().getSpanContext().isValid()) {
              leaks.increment();
            }
          }
        }));
      }
      for (Future<?> thread : done) {
        thread.get(10, TimeUnit.MINUTES); // bounded, so a deadlock fails instead of hanging
      }
    } finally {
      callers.shutdownNow();
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.MINUTES);
      sdk.getSdkTracerProvider().shutdown().join(10, TimeUnit.SECONDS);
    }

    long calls = (long) THREADS * CALLS_PER_THREAD;
    long asyncCalls = calls / ASYNC_EVERY;
    assertThat(wrongResults.sum()).isZero();
    assertThat(leaks.sum()).isZero();
    assertThat(checker.ended.get("work.inner").sum()).isEqualTo(calls);
    assertThat(checker.ended.get("work.async").sum()).isEqualTo(asyncCalls);
    assertThat(checker.ended.get("work.outer").sum()).isEqualTo(calls - asyncCalls);
    assertThat(checker.ended).hasSize(3);
    assertThat(checker.wrongParents.sum()).isZero();
    assertThat(checker.rootsWithAParent.sum()).isZero();
    assertThat(checker.parentOfInner).isEmpty();
  }
}
