package dev.traced.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.traced.processor.fuzz.AspectCheck;
import dev.traced.processor.fuzz.BatchChecker;
import dev.traced.processor.fuzz.FuzzSource;
import dev.traced.processor.fuzz.SourceGenerator;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes, whatever is written in {@code @Traced}: a thousand generated
 * sources with random and malformed annotation values (garbage, awkward Unicode, huge numbers,
 * deep and recursive property paths, {@code return} paths, blank and duplicated keys and names,
 * stray {@code =} and quotes) on methods of every shape, with parameters and return values of
 * recursive, generic, Optional, array, collection, map and enum types. For each, the processor
 * must not throw or report an internal error, a failed compilation must have an error inside the
 * failing source, and a successful one must have a sound aspect for every source. The checks are
 * those of {@link BatchChecker}; the sources are those of {@link SourceGenerator}.
 *
 * <p>The run is seeded and prints its seed. A failure names the seed and the index of each
 * source involved, with its text and diagnostics; run one source again with
 *
 * <pre>
 * mvn -B -o -q -pl traced-processor test -Dtest=MalformedAttrsFuzzTest \
 *     -Dtraced.fuzz.seed=SEED -Dtraced.fuzz.only=INDEX
 * </pre>
 *
 * or another run with {@code -Dtraced.fuzz.seed=...} and {@code -Dtraced.fuzz.count=...}.
 */
class MalformedAttrsFuzzTest {

  private static final long DEFAULT_SEED = 20_250_611L;
  private static final int DEFAULT_COUNT = 1000;

  /**
   * Sources per javac call. One call per source costs about 75 ms a source on a 2-core machine
   * (over a minute for the run), 25 per call about a third of that. Each source still has to
   * account for itself (see {@link BatchChecker}). The semantic-convention option depends on the
   * batch, so reproduce a source with the same batch size.
   */
  private static final int BATCH = Integer.getInteger("traced.fuzz.batch", 25);

  @Test
  void processorNeverThrowsAndEveryFailureIsReportedInTheFailingSource() {
    long seed = Long.getLong("traced.fuzz.seed", DEFAULT_SEED);
    int count = Integer.getInteger("traced.fuzz.count", DEFAULT_COUNT);
    Integer only = Integer.getInteger("traced.fuzz.only");
    List<FuzzSource> sources =
        only != null
            ? List.of(SourceGenerator.generate(seed, only))
            : IntStream.range(0, count)
                .mapToObj(i -> SourceGenerator.generate(seed, i))
                .toList();
    System.out.printf(
        "MalformedAttrsFuzzTest: seed %d, %d sources, %d per javac call%n",
        seed, sources.size(), BATCH);

    long start = System.nanoTime();
    BatchChecker checker = new BatchChecker(seed, TracedProcessor::new);
    for (int from = 0; from < sources.size(); from += BATCH) {
      List<FuzzSource> batch = sources.subList(from, Math.min(from + BATCH, sources.size()));
      checker.check(batch, optionsOf(batch.get(0).index()));
    }
    System.out.printf(
        "MalformedAttrsFuzzTest: seed %d: %s; %.1f s%n",
        seed, checker.summary(), (System.nanoTime() - start) / 1e9);

    if (only == null) {
      assertThat(checker.sources()).isEqualTo(count);
      assertThat(checker.sourcesWithErrors())
          .as("sources with errors (the run must reach the processor's errors)")
          .isGreaterThanOrEqualTo(count / 4);
      assertThat(checker.aspectsChecked())
          .as("sources that compiled (the run must reach the aspect writer too)")
          .isGreaterThanOrEqualTo(count / 20);
    }
  }

  /**
   * The processor options of the batch that holds source {@code index}: every third batch runs
   * with the semantic-convention check off (so a source run alone gets its batch's options).
   */
  private static List<String> optionsOf(int index) {
    return (index / BATCH) % 3 == 2 ? List.of("-Atraced.semconv=off") : List.of();
  }

  @Test
  void sourcesDependOnlyOnSeedAndIndex() {
    assertThat(SourceGenerator.generate(7, 42)).isEqualTo(SourceGenerator.generate(7, 42));
    assertThat(SourceGenerator.generate(7, 42).text())
        .isNotEqualTo(SourceGenerator.generate(8, 42).text());
  }

  /**
   * The checks fail when the processor misbehaves: each test runs them with a processor that
   * runs traced's and then does one thing wrong.
   */
  @Nested
  class TheChecksCanFail {

    private static final long SEED = 77;

    /** A source that compiles cleanly and gets an aspect. */
    private final FuzzSource valid =
        new FuzzSource(
            -1,
            "fuzz.selfcheck",
            "Valid",
            String.join(
                "\n",
                "package fuzz.selfcheck;",
                "import dev.traced.Traced;",
                "public class Valid {",
                "  @Traced(name = \"valid\", attrs = {\"shop.id = id\", \"shop.text = 'a\\nb'\"})",
                "  void run(String id) {}",
                "}"),
            List.of("run"),
            false);

    private List<FuzzSource> someSources() {
      List<FuzzSource> sources = new ArrayList<>();
      sources.add(valid);
      for (int i = 0; i < 4; i++) {
        sources.add(SourceGenerator.generate(SEED, i));
      }
      return sources;
    }

    @Test
    void theRealProcessorPassesThem() {
      new BatchChecker(SEED, TracedProcessor::new).check(someSources());
    }

    @Test
    void whenTheProcessorThrows() {
      assertThatThrownBy(
              () ->
                  new BatchChecker(
                          SEED,
                          () ->
                              new Sabotaged(
                                  round -> {
                                    throw new IllegalStateException("injected failure");
                                  }))
                      .check(someSources()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("seed " + SEED)
          .hasMessageContaining("the compilation threw")
          .hasMessageContaining("injected failure");
    }

    @Test
    void whenAnErrorHasNoPosition() {
      assertThatThrownBy(
              () ->
                  new BatchChecker(
                          SEED,
                          () ->
                              new Sabotaged(
                                  (round, env) ->
                                      env.getMessager()
                                          .printMessage(
                                              Diagnostic.Kind.ERROR,
                                              "[traced:injected] nowhere")))
                      .check(someSources()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("an error located in no input file")
          .hasMessageContaining("[traced:injected] nowhere");
    }

    @Test
    void whenAnInternalErrorIsReported() {
      assertThatThrownBy(
              () ->
                  new BatchChecker(
                          SEED,
                          () ->
                              new Sabotaged(
                                  (round, env) -> {
                                    Element first = round.getRootElements().iterator().next();
                                    env.getMessager()
                                        .printMessage(
                                            Diagnostic.Kind.ERROR,
                                            "[traced:internal-error] injected",
                                            first);
                                  }))
                      .check(someSources()))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("an internal error")
          .hasMessageContaining("reproduce with -Dtraced.fuzz.seed=" + SEED);
    }

    @Test
    void whenAValidSourceGetsNoAspect() {
      assertThatThrownBy(
              () ->
                  new BatchChecker(SEED, () -> new Sabotaged(AspectSabotage.DISCARD))
                      .check(List.of(valid)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(
              "it compiled without errors, but the processor wrote no Valid_Traced.aj")
          .hasMessageContaining("public class Valid");
    }

    @Test
    void whenTheAspectIsNotSound() {
      assertThatThrownBy(
              () ->
                  new BatchChecker(SEED, () -> new Sabotaged(AspectSabotage.UNTERMINATED_STRING))
                      .check(List.of(valid)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("the generated Valid_Traced.aj is not sound")
          .hasMessageContaining("a string literal that does not end on its line");
    }
  }

  /**
   * Bugs the fuzzing once found in generated aspects that javac cannot see, only ajc: a formal
   * named like ajc's implicit variables or like a type the advice calls (found by weaving the
   * aspects of the fuzzed sources with ajc 1.9.25). Each test is the minimal source; the fuzz
   * run checks every aspect for such formals too.
   */
  @Nested
  class FormalsNeverHideWhatTheAdviceUses {

    private void assertNoShadowingFormals(String... body) {
      Compilation compilation = TestSources.compile(TestSources.subject(body));
      CompilationSubject.assertThat(compilation).succeeded();
      String aspect = TestSources.aspect(compilation, "p", "Subject_Traced").orElseThrow();
      assertThat(AspectCheck.shadowingFormals(aspect)).as(aspect).isEmpty();
    }

    @Test
    void parametersNamedLikeTheImplicitVariablesOfAdvice() {
      assertNoShadowingFormals(
          "  @Traced void a(String thisJoinPoint) {}",
          "  @Traced void b(String thisJoinPointStaticPart) {}",
          "  @Traced void c(String thisEnclosingJoinPointStaticPart) {}");
    }

    @Test
    void parametersNamedLikeTypesTheAdviceCalls() {
      assertNoShadowingFormals(
          "  @Traced(attrs = \"shop.c = c\") void a(char c, boolean String) {}",
          "  @Traced void b(long TracedOpenTelemetry) {}",
          "  @Traced void c(String TracedSpans) {}");
    }

    @Test
    void theCheckSeesSuchFormals() {
      assertThat(
              AspectCheck.shadowingFormals(
                  String.join(
                      "\n",
                      "import dev.traced.runtime.TracedSpans;",
                      "aspect A {",
                      "  void around(String thisJoinPoint): execution(* *(..)) { proceed(); }",
                      "  void around(char c, boolean String): execution(* *(..)) {",
                      "    String.valueOf(c);",
                      "  }",
                      "  void around(int TracedSpans, java.util.Map<String, Long> m):",
                      "      execution(* *(..)) { TracedSpans.recordFailure(null, null); }",
                      "  void around(String order): execution(* *(..)) { order.trim(); }",
                      "}")))
          .hasSize(3)
          .anyMatch(p -> p.contains("formal named thisJoinPoint"))
          .anyMatch(p -> p.contains("formal named String"))
          .anyMatch(p -> p.contains("formal named TracedSpans"));
    }
  }

  /** What the sabotaged processor does to the aspect files it writes. */
  private enum AspectSabotage {
    NONE,
    /** The aspect goes nowhere. */
    DISCARD,
    /** A line with an unterminated string literal is appended to the aspect. */
    UNTERMINATED_STRING
  }

  /** What the sabotaged processor does after traced's has processed the first round. */
  private interface RoundSabotage {
    void after(RoundEnvironment round, ProcessingEnvironment env);
  }

  /** Runs {@link TracedProcessor}, then does one thing wrong. */
  private static final class Sabotaged implements Processor {
    private final TracedProcessor traced = new TracedProcessor();
    private final RoundSabotage roundSabotage;
    private final AspectSabotage aspectSabotage;
    private ProcessingEnvironment env;
    private boolean sabotaged;

    Sabotaged(RoundSabotage roundSabotage) {
      this.roundSabotage = roundSabotage;
      this.aspectSabotage = AspectSabotage.NONE;
    }

    Sabotaged(java.util.function.Consumer<RoundEnvironment> roundSabotage) {
      this((round, env) -> roundSabotage.accept(round));
    }

    Sabotaged(AspectSabotage aspectSabotage) {
      this.roundSabotage = (round, env) -> {};
      this.aspectSabotage = aspectSabotage;
    }

    @Override
    public Set<String> getSupportedOptions() {
      return traced.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return traced.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return traced.getSupportedSourceVersion();
    }

    @Override
    public void init(ProcessingEnvironment processingEnv) {
      this.env = processingEnv;
      traced.init(
          aspectSabotage == AspectSabotage.NONE ? processingEnv : sabotagedFiler(processingEnv));
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      boolean claimed = traced.process(annotations, round);
      if (!sabotaged && !round.processingOver() && !round.getRootElements().isEmpty()) {
        sabotaged = true;
        roundSabotage.after(round, env);
      }
      return claimed;
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
      return traced.getCompletions(element, annotation, member, text);
    }

    /** {@code env}, but with a Filer whose resources are sabotaged. */
    private ProcessingEnvironment sabotagedFiler(ProcessingEnvironment env) {
      Filer real = env.getFiler();
      Filer filer =
          proxy(
              Filer.class,
              (method, args) -> {
                if (!method.getName().equals("createResource")) {
                  return method.invoke(real, args);
                }
                if (aspectSabotage == AspectSabotage.DISCARD) {
                  return discarding((String) args[2]);
                }
                return withUnterminatedString((FileObject) method.invoke(real, args));
              });
      return proxy(
          ProcessingEnvironment.class,
          (method, args) -> method.getName().equals("getFiler") ? filer : method.invoke(env, args));
    }

    private static FileObject discarding(String name) {
      return new SimpleJavaFileObject(URI.create("mem:///discarded/" + name),
          JavaFileObject.Kind.OTHER) {
        @Override
        public Writer openWriter() {
          return new StringWriter();
        }
      };
    }

    private static FileObject withUnterminatedString(FileObject file) {
      return new ForwardingFileObject<>(file) {
        @Override
        public Writer openWriter() throws IOException {
          return new FilterWriter(super.openWriter()) {
            @Override
            public void close() throws IOException {
              write("\nString broken = \"unterminated;\n");
              super.close();
            }
          };
        }
      };
    }
  }

  private interface Call {
    Object invoke(java.lang.reflect.Method method, Object[] args)
        throws ReflectiveOperationException;
  }

  private static <T> T proxy(Class<T> type, Call call) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              try {
                return call.invoke(method, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
