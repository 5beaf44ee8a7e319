package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspect;
import static dev.traced.processor.TestSources.compileWithJavacEnvironment;
import static dev.traced.processor.TestSources.source;
import static dev.traced.processor.TestSources.subject;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated aspects, byte for byte, against the golden files in {@code
 * src/test/resources/golden/}: each input {@code X.java} there sits next to the aspects it must
 * produce.
 *
 * <p>When the writer changes on purpose, regenerate them with {@code mvn -pl traced-processor test
 * -Dtest=GeneratedAspectTest -Dtraced.golden.update=true}, then read the diff before committing
 * it.
 */
class GeneratedAspectTest {

  private static final boolean UPDATE = Boolean.getBoolean("traced.golden.update");

  /** Where the golden files live in the source tree; surefire runs in the module directory. */
  private static final Path GOLDEN_SOURCES = Path.of("src", "test", "resources", "golden");

  static Stream<Arguments> goldenCases() {
    return Stream.of(
        Arguments.of("shop/Literals.java", List.of("shop/Literals_Traced.aj")),
        Arguments.of("shop/Conversions.java", List.of("shop/Conversions_Traced.aj")),
        Arguments.of("shop/Shapes.java", List.of("shop/Shapes_Traced.aj")),
        Arguments.of("shop/Paths.java", List.of("shop/Paths_Traced.aj")),
        Arguments.of("shop/Async.java", List.of("shop/Async_Traced.aj")),
        Arguments.of(
            "shop/Outer.java",
            List.of("shop/Outer_Traced.aj")),
        Arguments.of("Plain.java", List.of("Plain_Traced.aj")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenCases")
  void matchesGoldenFiles(String input, List<String> aspects) throws IOException {
    Compilation compilation = compileWithJavacEnvironment(golden(input));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(generatedAspects(compilation)).containsExactlyElementsOf(aspects);

    for (String path : aspects) {
      String actual = generated(compilation, path);
      if (UPDATE) {
        Files.writeString(GOLDEN_SOURCES.resolve(path), actual, UTF_8);
        continue;
      }
      assertThat(actual).as("generated %s (see the class comment to update)", path)
          .isEqualTo(resource("golden/" + path));
    }
  }

  @Test
  void sameInputTwiceGivesTheSameBytes() {
    for (String input : List.of("shop/Conversions.java", "shop/Shapes.java")) {
      String first = generated(compileWithJavacEnvironment(golden(input)), aspectPathOf(input));
      String second = generated(compileWithJavacEnvironment(golden(input)), aspectPathOf(input));
      assertThat(second).isEqualTo(first);
    }
  }

  @Test
  void otherSourcesInTheCompilationDoNotChangeAnAspect() {
    String alone = generated(compileWithJavacEnvironment(golden("shop/Shapes.java")), "shop/Shapes_Traced.aj");
    String withOthers =
        generated(
            compileWithJavacEnvironment(
                golden("shop/Outer.java"),
                golden("shop/Literals.java"),
                golden("shop/Shapes.java"),
                golden("shop/Conversions.java")),
            "shop/Shapes_Traced.aj");
    assertThat(withOthers).isEqualTo(alone);
  }

  @Test
  void everyLineEndsWithALineFeedAndHasNoTrailingSpaceOrTab() {
    for (Arguments arguments : goldenCases().toList()) {
      String input = (String) arguments.get()[0];
      Compilation compilation = compileWithJavacEnvironment(golden(input));
      for (String name : generatedAspects(compilation)) {
        String text = generated(compilation, name);
        assertThat(text).doesNotContain("\r").doesNotContain("\t").endsWith("}\n");
        assertThat(text.lines()).as(name).noneMatch(line -> line.endsWith(" "));
      }
    }
  }

  @Test
  void parameterNamedLikeAKeyConstantDoesNotShadowIt() {
    Compilation compilation =
        compileWithJavacEnvironment(subject("  @Traced(attrs = \"id = ID\")", "  void m(String ID) {}"));
    String aspect = aspect(compilation, "p", "Subject_Traced").orElseThrow();
    assertThat(aspect).doesNotContain(".setAttribute(ID, ID)");
  }

  @Test
  void lineAndParagraphSeparatorsInStringsAreEscaped() {
    Compilation compilation =
        compileWithJavacEnvironment(
            subject(
                "  @Traced(name = \"x\\u2029y\", attrs = \"note = 'a\\u2028b'\")",
                "  void m() {}"));
    String aspect = aspect(compilation, "p", "Subject_Traced").orElseThrow();
    assertThat(aspect)
        .contains(".setAttribute(NOTE, \"a\\u2028b\")")
        .contains("spanBuilder(\"x\\u2029y\")");
  }

  @Test
  void returnTypesAjcCannotMatchByErasureAreReturnedAsObject() {
    Compilation compilation =
        compileWithJavacEnvironment(
            source(
                "p.Box",
                "package p;",
                "import dev.traced.Traced;",
                "import java.util.List;",
                "class Box<K extends Comparable<K>> {",
                "  @Traced <T extends Comparable<T>> T max(T a, T b) { return a; }",
                "  @Traced <E extends Enum<E>> E parse(Class<E> type, String s) { return null; }",
                "  @Traced K key() { return null; }",
                "  @Traced List<String>[] all() { return null; }",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(aspect(compilation, "p", "Box_Traced").orElseThrow())
        .doesNotContain("java.lang.Comparable around(")
        .doesNotContain("java.lang.Enum around(")
        .doesNotContain("java.util.List[] around(")
        .contains("around(java.lang.Comparable a, java.lang.Comparable b):")
        .contains("around(java.lang.Class type, java.lang.String s):");
  }

  /** A golden input, by its path under {@code golden/}. */
  private static JavaFileObject golden(String path) {
    return JavaFileObjects.forSourceString(
        path.replace(".java", "").replace('/', '.'), resource("golden/" + path));
  }

  /** {@code shop/Shapes.java} gives {@code shop/Shapes_Traced.aj}. */
  private static String aspectPathOf(String input) {
    return input.replace(".java", "_Traced.aj");
  }

  /** The text of a generated aspect, by its path ({@code shop/Shapes_Traced.aj}). */
  private static String generated(Compilation compilation, String path) {
    int slash = path.lastIndexOf('/');
    String packageName = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
    String name = path.substring(slash + 1).replace(".aj", "");
    return aspect(compilation, packageName, name)
        .orElseThrow(() -> new AssertionError("no aspect " + path));
  }

  private static String resource(String name) {
    try (InputStream in = GeneratedAspectTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no test resource " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The aspects ({@code shop/Shapes_Traced.aj}) a successful compilation generated, sorted. The
   * compilations here see javac's own environment, so that the processor can tell source files
   * and lines ({@code code.file.path}, {@code code.line.number}).
   */
  private static List<String> generatedAspects(Compilation compilation) {
    return compilation.generatedFiles().stream()
        .map(file -> file.toUri().getPath())
        .filter(path -> path.endsWith(".aj"))
        .map(path -> path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length()))
        .sorted()
        .toList();
  }
}
