package dev.traced.runtime;

import static dev.traced.runtime.AsyncTracing.EXPECTED;
import static dev.traced.runtime.AsyncTracing.ON_VALUE;
import static dev.traced.runtime.AsyncTracing.THROWING_ON_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TracedAsyncTest {

  private final AsyncTracing tracing = new AsyncTracing();

  @Test
  void endsWhenTheStageCompletesWithAttributesFromItsValue() {
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, ON_VALUE);
    assertThat(tracing.ended()).isFalse();

    future.complete("v");

    tracing.assertSucceeded("v");
    assertThat(future.join()).isEqualTo("v");
  }

  @Test
  void anAlreadyCompletedStageEndsTheSpanBeforeReturning() {
    TracedAsync.endOnCompletion(
        CompletableFuture.completedFuture("done"), tracing.start(), EXPECTED, ON_VALUE);

    tracing.assertSucceeded("done");
  }

  @Test
  void anAlreadyFailedStageEndsTheSpanBeforeReturning() {
    IllegalStateException failure = new IllegalStateException("boom");
    TracedAsync.endOnCompletion(
        CompletableFuture.failedFuture(failure), tracing.start(), EXPECTED, ON_VALUE);

    tracing.assertFailed(failure);
  }

  @Test
  void aFailureIsRecordedAsItsUnwrappedCause() {
    IllegalStateException failure = new IllegalStateException("boom");
    CompletableFuture<String> source = new CompletableFuture<>();
    // A dependent stage wraps its source's failure in a CompletionException.
    CompletableFuture<String> dependent = source.thenApply(value -> value);
    TracedAsync.endOnCompletion(dependent, tracing.start(), EXPECTED, ON_VALUE);

    source.completeExceptionally(failure);

    tracing.assertFailed(failure);
    assertThat(dependent).isCompletedExceptionally();
  }

  @Test
  void anExpectedFailureIsAnEventWithoutError() {
    IllegalArgumentException failure = new IllegalArgumentException("no such user");
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, ON_VALUE);

    future.completeExceptionally(new CompletionException(failure));

    tracing.assertExpectedFailure(failure);
  }

  @Test
  void aCancelledStageIsACancelledEventWithoutError() {
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, ON_VALUE);

    future.cancel(true);

    tracing.assertCancelled();
  }

  @Test
  void completionOnAnotherThreadEndsTheSpanThere() throws InterruptedException {
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, ON_VALUE);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    executor.execute(() -> future.complete("elsewhere"));
    executor.shutdown();
    // The callback runs on the completing thread, inside the task: done when the task is.
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    tracing.assertSucceeded("elsewhere");
  }

  @Test
  void withoutOnValueOrWithANullValueThereAreNoValueAttributes() {
    TracedAsync.endOnCompletion(
        CompletableFuture.completedFuture("v"), tracing.start(), null, null);
    tracing.assertSucceededWithoutValue();

    AsyncTracing nullValue = new AsyncTracing();
    TracedAsync.endOnCompletion(
        CompletableFuture.completedFuture(null), nullValue.start(), null, ON_VALUE);
    nullValue.assertSucceededWithoutValue();
  }

  @Test
  void aThrowingOnValueLosesItsAttributesOnly() {
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, THROWING_ON_VALUE);

    assertThat(future.complete("v")).isTrue();

    tracing.assertSucceededWithoutValue();
    assertThat(future.join()).isEqualTo("v");
  }

  @Test
  void theCompletingThreadSeesNoFailureOfTheDroppedDependentStage() throws InterruptedException {
    CompletableFuture<String> future = new CompletableFuture<>();
    TracedAsync.endOnCompletion(future, tracing.start(), EXPECTED, THROWING_ON_VALUE);
    List<Throwable> uncaught = new ArrayList<>();
    Thread completer =
        new Thread(() -> future.completeExceptionally(new IllegalStateException("boom")));
    completer.setUncaughtExceptionHandler((thread, error) -> uncaught.add(error));
    completer.start();
    completer.join(10_000);

    assertThat(completer.isAlive()).isFalse();
    assertThat(uncaught).isEmpty();
    tracing.assertFailed(future.handle((value, error) -> error).join());
  }

  @Test
  void aStageThatCannotTakeACallbackEndsTheSpanAtOnce() {
    @SuppressWarnings("unchecked")
    CompletionStage<String> broken =
        (CompletionStage<String>)
            Proxy.newProxyInstance(
                CompletionStage.class.getClassLoader(),
                new Class<?>[] {CompletionStage.class},
                (proxy, method, args) -> {
                  throw new UnsupportedOperationException(method.getName());
                });

    assertThatCode(() -> TracedAsync.endOnCompletion(broken, tracing.start(), EXPECTED, ON_VALUE))
        .doesNotThrowAnyException();

    tracing.assertSucceededWithoutValue();
  }

  @Test
  void aBrokenSpanChangesNothingForTheCaller() {
    Span broken = AsyncTracing.brokenSpan();
    CompletableFuture<String> succeeding = new CompletableFuture<>();
    CompletableFuture<String> failing = new CompletableFuture<>();
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatCode(
            () -> {
              TracedAsync.endOnCompletion(succeeding, broken, EXPECTED, ON_VALUE);
              TracedAsync.endOnCompletion(failing, broken, EXPECTED, ON_VALUE);
              succeeding.complete("v");
              failing.completeExceptionally(failure);
            })
        .doesNotThrowAnyException();

    assertThat(succeeding.join()).isEqualTo("v");
    assertThatThrownBy(failing::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isSameAs(failure);
  }

  /** Users without Reactor or RxJava never load them: the base package does not name them. */
  @Test
  void theBasePackageRefersToNoReactiveLibrary() throws Exception {
    Path classes =
        Path.of(TracedAsync.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/traced/runtime");
    List<Path> files;
    try (Stream<Path> list = Files.list(classes)) {
      files = list.filter(file -> file.toString().endsWith(".class")).toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(constantPool(file))
          .as(file.getFileName().toString())
          .doesNotContain("reactor/", "io/reactivex/", "org/reactivestreams/");
    }
  }

  private static String constantPool(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }
}
