package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspect;
import static dev.traced.processor.TestSources.assertOnlyError;
import static dev.traced.processor.TestSources.compile;
import static dev.traced.processor.TestSources.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.traced.processor.diagnostics.Message;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of how a span ends: async return types, expected exceptions, and the keys and
 * option of the source attributes.
 */
class OutcomeDiagnosticsTest {

  private static void assertOnlyWarning(JavaFileObject source, String fragment, String message) {
    TestSources.assertOnlyWarning(compile(source), source, fragment, message);
  }

  private static void assertNoWarnings(JavaFileObject source) {
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Nested
  @Covers(Message.SPAN_ENDS_AT_RETURN)
  class SpanEndsAtReturn {

    @Test
    void future() {
      assertOnlyWarning(
          subject(
              "  @Traced",
              "  java.util.concurrent.Future<String> submit() { return null; }"),
          "@Traced",
          "[traced:span-ends-at-return] Subject.submit() returns Future<String>, whose work may"
              + " go on after the method returns, but its span ends at return and will not cover"
              + " that work: a Future cannot say when it completes without blocking. Return a"
              + " CompletableFuture or CompletionStage instead, whose span ends when it"
              + " completes, or add endAtReturn = true to this @Traced to say that ending at"
              + " return is intended.");
    }

    @Test
    void stream() {
      assertOnlyWarning(
          subject(
              "  @Traced",
              "  java.util.stream.IntStream numbers() { return null; }"),
          "@Traced",
          "[traced:span-ends-at-return] Subject.numbers() returns IntStream, whose work may go"
              + " on after the method returns, but its span ends at return and will not cover"
              + " that work: a stream or iterator may do its work while the caller consumes it."
              + " Collect the elements before returning, or trace the code that consumes them,"
              + " or add endAtReturn = true to this @Traced to say that ending at return is"
              + " intended.");
    }

    @Test
    void iterator() {
      assertOnlyWarning(
          subject(
              "  @Traced",
              "  java.util.Iterator<String> names() { return null; }"),
          "@Traced",
          "[traced:span-ends-at-return] Subject.names() returns Iterator<String>, whose work may"
              + " go on after the method returns, but its span ends at return and will not cover"
              + " that work: a stream or iterator may do its work while the caller consumes it."
              + " Collect the elements before returning, or trace the code that consumes them,"
              + " or add endAtReturn = true to this @Traced to say that ending at return is"
              + " intended.");
    }

    @Test
    void flowPublisher() {
      assertOnlyWarning(
          subject(
              "  @Traced",
              "  java.util.concurrent.Flow.Publisher<String> events() { return null; }"),
          "@Traced",
          "[traced:span-ends-at-return] Subject.events() returns Flow.Publisher<String>, whose"
              + " work may go on after the method returns, but its span ends at return and will"
              + " not cover that work: a publisher does its work when subscribed, and traced"
              + " knows when only for the Reactor and RxJava 3 types. Return a Reactor Mono or"
              + " Flux, or an RxJava 3 Single, Maybe, Completable, Observable or Flowable, whose"
              + " span ends on its terminal signal, or add endAtReturn = true to this @Traced to"
              + " say that ending at return is intended.");
    }

    @Test
    void endAtReturnSaysItIsIntended() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(endAtReturn = true)",
                  "  java.util.concurrent.Future<String> submit() { return null; }"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("TracedSpans.end(span, scope);")
          .doesNotContain("TracedAsync");
    }

    @Test
    void suppressible() {
      assertNoWarnings(
          subject(
              "  @Traced",
              "  @SuppressWarnings(\"traced:span-ends-at-return\")",
              "  java.util.Iterator<String> names() { return null; }"));
    }

    @Test
    void completionStagesAndCollectionsEndWhereTheyShould() {
      assertNoWarnings(
          subject(
              "  @Traced java.util.concurrent.CompletableFuture<String> a() { return null; }",
              "  @Traced java.util.concurrent.CompletionStage<String> b() { return null; }",
              "  @Traced java.util.List<String> c() { return null; }",
              "  @Traced Iterable<String> d() { return null; }"));
    }
  }

  @Nested
  @Covers(Message.NEEDLESS_END_AT_RETURN)
  class NeedlessEndAtReturn {

    @Test
    void onASynchronousReturnType() {
      assertOnlyWarning(
          subject(
              "  @Traced(",
              "      endAtReturn = true)",
              "  String name() { return null; }"),
          "endAtReturn = true",
          "[traced:needless-end-at-return] endAtReturn = true has no effect: Subject.name()"
              + " returns String, and its span ends at return anyway. Remove endAtReturn.");
    }

    @Test
    void onVoid() {
      assertOnlyWarning(
          subject("  @Traced(endAtReturn = true)", "  void run() {}"),
          "endAtReturn = true",
          "[traced:needless-end-at-return] endAtReturn = true has no effect: Subject.run()"
              + " returns void, and its span ends at return anyway. Remove endAtReturn.");
    }
  }

  @Nested
  @Covers(Message.RETURN_WITHOUT_VALUE)
  class ReturnWithoutValue {

    @Test
    void asyncValueIsWhatReturnReads() {
      Compilation compilation =
          compile(
              subject(
                  "  record Order(String id) {}",
                  "  @Traced(attrs = \"shop.order.id = return.id\")",
                  "  java.util.concurrent.CompletableFuture<Order> place() { return null; }"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("span.setAttribute(SHOP_ORDER_ID, ((p.Subject.Order) value).id());")
          .contains("TracedAsync.endOnCompletion(result, span, null, PLACE_VALUE);");
    }

    @Test
    void flux() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = \"shop.first = return\")",
              "  reactor.core.publisher.Flux<String> names() { return null; }"),
          "shop.first = return",
          "[traced:return-without-value] \"return\" reads the value the result completes with,"
              + " but Subject.names() returns Flux<String>, which completes with no single value"
              + " (none, or a stream of them). Bind a parameter or a literal.");
    }

    @Test
    void completable() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = \"shop.done = return.empty\")",
              "  io.reactivex.rxjava3.core.Completable run() { return null; }"),
          "shop.done = return.empty",
          "[traced:return-without-value] \"return.empty\" reads the value the result completes"
              + " with, but Subject.run() returns Completable, which completes with no single"
              + " value (none, or a stream of them). Bind a parameter or a literal.");
    }

    @Test
    void monoAndSingleValuesAreWhatReturnReads() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(attrs = \"shop.name.length = return.length\")",
                  "  reactor.core.publisher.Mono<String> name() { return null; }",
                  "  @Traced(attrs = \"shop.count = return\")",
                  "  io.reactivex.rxjava3.core.Single<Integer> count() { return null; }",
                  "  @Traced io.reactivex.rxjava3.core.Flowable<String> all() { return null; }"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("((java.lang.String) value).length()")
          .contains("return TracedReactor.mono(result, span, null, NAME_VALUE);")
          .contains("((java.lang.Integer) value).longValue()")
          .contains("return TracedRxJava3.single(result, span, null, COUNT_VALUE);")
          .contains("return TracedRxJava3.flowable(result, span, null);");
    }

    @Test
    void aSubclassOfMonoEndsAtReturnWithAWarning() {
      assertOnlyWarning(
          subject(
              "  static abstract class Special extends reactor.core.publisher.Mono<String> {}",
              "  @Traced",
              "  Special special() { return null; }"),
          "@Traced",
          "[traced:span-ends-at-return] Subject.special() returns Subject.Special, whose work"
              + " may go on after the method returns, but its span ends at return and will not"
              + " cover that work: traced ends spans on the terminal signal of Mono, Flux,"
              + " Single, Maybe, Completable, Observable and Flowable themselves, not of their"
              + " subclasses. Declare the return type as one of those, or add endAtReturn = true"
              + " to this @Traced to say that ending at return is intended.");
    }

    @Test
    void aVoidStageHasNoValueProperties() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = \"shop.done = return.done\")",
              "  java.util.concurrent.CompletableFuture<Void> place() { return null; }"),
          "shop.done = return.done",
          "[traced:unknown-property] \"return.done\": return has type Void, which has no"
              + " property \"done\". It has no properties that traced can read.");
    }
  }

  @Nested
  @Covers(Message.UNDECLARED_EXPECTED)
  class UndeclaredExpected {

    @Test
    void checkedExceptionTheMethodDoesNotThrow() {
      assertOnlyError(
          subject(
              "  @Traced(expected = {",
              "      java.io.IOException.class})",
              "  void read() {}"),
          "java.io.IOException.class",
          "[traced:undeclared-expected] expected lists IOException, a checked exception that"
              + " Subject.read() does not declare, so it can never be thrown here. Add it to the"
              + " method's throws clause, or remove it from expected.");
    }

    @Test
    void subclassOfADeclaredExceptionIsFine() {
      assertNoWarnings(
          subject(
              "  @Traced(expected = java.io.FileNotFoundException.class)",
              "  void read() throws java.io.IOException {}"));
    }

    @Test
    void uncheckedExceptionsNeedNoDeclaration() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(expected = {IllegalStateException.class, AssertionError.class})",
                  "  void check() {}"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains(
              "  static final Predicate<Throwable> CHECK_EXPECTED =\n"
                  + "        error -> error instanceof java.lang.IllegalStateException"
                  + " || error instanceof java.lang.AssertionError;\n")
          .contains("TracedSpans.recordFailure(span, error, CHECK_EXPECTED);");
    }
  }

  @Nested
  @Covers(Message.NEEDLESS_EXPECTED)
  class NeedlessExpected {

    @Test
    void subclassOfAnotherEntry() {
      assertOnlyWarning(
          subject(
              "  @Traced(expected = {RuntimeException.class,",
              "      IllegalStateException.class})",
              "  void check() {}"),
          "IllegalStateException.class",
          "[traced:needless-expected] expected lists IllegalStateException, which is already"
              + " covered by RuntimeException in the same list. Remove it.");
    }
  }

  @Nested
  class SourceAttributes {

    @Test
    void codeKeysAreReservedWhileTracedSetsThem() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = \"code.function.name = 'mine'\")",
              "  void run() {}"),
          "code.function.name",
          "[traced:reserved-key] Attribute key \"code.function.name\" is set by traced itself"
              + " (the method's qualified name), so a value bound here would be overwritten or"
              + " contradicted. Use another key.");
    }

    @Test
    void offLeavesThemOutAndFreesTheKeys() {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(new TracedProcessor())
              .withOptions("-Atraced.codeAttributes=off")
              .compile(
                  subject(
                      "  @Traced(attrs = \"code.function.name = 'mine'\")", "  void run() {}"));
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .doesNotContain("TracedSpans.CODE_")
          .contains(".setAttribute(CODE_FUNCTION_NAME, \"mine\")");
    }

    @Test
    void invalidOptionValue() {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(new TracedProcessor())
              .withOptions("-Atraced.codeAttributes=no")
              .compile(subject("  @Traced void handle() {}"));
      assertThat(compilation).failed();
      assertThat(compilation.errors()).hasSize(1);
      Diagnostic<?> error = compilation.errors().get(0);
      assertThat(error.getMessage(Locale.ROOT))
          .isEqualTo(
              "[traced:invalid-option] Processor option -Atraced.codeAttributes=no is not"
                  + " valid: write -Atraced.codeAttributes=on or -Atraced.codeAttributes=off.");
    }
  }
}
