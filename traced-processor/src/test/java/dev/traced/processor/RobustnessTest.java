package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspect;
import static dev.traced.processor.TestSources.aspectNames;
import static dev.traced.processor.TestSources.assertNoInternalError;
import static dev.traced.processor.TestSources.recording;
import static dev.traced.processor.TestSources.source;
import static dev.traced.processor.TestSources.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Broken sources: javac reports what is wrong with them, and the processor neither throws out of
 * {@code process()} (compile-testing would rethrow it here) nor reports an internal error, nor
 * repeats javac's error in its own words.
 */
class RobustnessTest {

  /**
   * Compiles {@code source}, and asserts that it failed with a javac error on the line containing
   * {@code lineFragment}, and that every error is javac's own.
   */
  private static Compilation assertJavacErrorOnly(JavaFileObject source, String lineFragment) {
    Compilation compilation = TestSources.compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    assertThat(TestSources.errorMessages(compilation))
        .as("errors of javac only, none of traced")
        .isNotEmpty()
        .noneMatch(message -> message.contains("[traced:"));
    long line = lineOf(source, lineFragment);
    assertThat(compilation.errors())
        .as("an error on line %s (%s)", line, lineFragment)
        .anyMatch(error -> error.getLineNumber() == line);
    return compilation;
  }

  private static long lineOf(JavaFileObject source, String fragment) {
    List<String> lines = TestSources.contents(source).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(fragment)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains " + fragment);
  }

  @Test
  void attrsEntryThatIsAMethodCall() {
    assertJavacErrorOnly(
        subject(
            "  static String key() { return \"a = 1\"; }",
            "  @Traced(attrs = {",
            "      \"shop.ok = 1\",",
            "      key()",
            "  })",
            "  void m() {}"),
        "      key()");
  }

  @Test
  void attrsThatIsANonConstantArray() {
    assertJavacErrorOnly(
        subject(
            "  static final String[] ATTRS = {\"a = 1\"};",
            "  @Traced(attrs = ATTRS)",
            "  void m() {}"),
        "attrs = ATTRS");
  }

  @Test
  void attrsEntryThatIsANonFinalField() {
    assertJavacErrorOnly(
        subject(
            "  static String key = \"a = 1\";",
            "  @Traced(attrs = {key})",
            "  void m() {}"),
        "attrs = {key}");
  }

  @Test
  void attrsEntryOfTheWrongType() {
    assertJavacErrorOnly(subject("  @Traced(attrs = {1, 2})", "  void m() {}"), "attrs = {1, 2}");
  }

  @Test
  void attrsEntryThatIsAnUnknownConstant() {
    assertJavacErrorOnly(
        subject("  @Traced(attrs = {Keys.MISSING})", "  void m() {}"), "Keys.MISSING");
  }

  @Test
  void nameThatIsNotAConstant() {
    assertJavacErrorOnly(
        subject(
            "  static String name() { return \"x\"; }",
            "  @Traced(name = name())",
            "  void m() {}"),
        "name = name()");
  }

  @Test
  void nameOfTheWrongType() {
    assertJavacErrorOnly(subject("  @Traced(name = 42)", "  void m() {}"), "name = 42");
  }

  @Test
  void unknownKind() {
    assertJavacErrorOnly(
        subject("  @Traced(kind = Traced.Kind.BATCH)", "  void m() {}"), "Traced.Kind.BATCH");
  }

  @Test
  void kindOfTheWrongType() {
    assertJavacErrorOnly(
        subject("  @Traced(kind = \"SERVER\")", "  void m() {}"), "kind = \"SERVER\"");
  }

  @Test
  void unknownAnnotationMember() {
    assertJavacErrorOnly(subject("  @Traced(sampled = true)", "  void m() {}"), "sampled = true");
  }

  @Test
  void unknownMemberNextToAValidAttribute() {
    assertJavacErrorOnly(
        subject(
            "  @Traced(attrs = \"shop.id = id\", tags = {\"x\"})",
            "  void m(String id) {}"),
        "tags = {");
  }

  @Test
  void unresolvableParameterType() {
    assertJavacErrorOnly(
        subject("  @Traced(attrs = \"shop.order = order\")", "  void m(Order order) {}"),
        "void m(Order order)");
  }

  @Test
  void unresolvableReturnType() {
    assertJavacErrorOnly(subject("  @Traced", "  Receipt m() { return null; }"), "Receipt m()");
  }

  @Test
  void unresolvableThrownType() {
    assertJavacErrorOnly(
        subject("  @Traced", "  void m() throws PaymentException {}"), "PaymentException");
  }

  @Test
  void unresolvableGenericArgument() {
    assertJavacErrorOnly(
        subject("  @Traced", "  void m(java.util.List<Order> orders) {}"), "List<Order>");
  }

  @Test
  void unresolvableTypeNextToAValidMethod() {
    JavaFileObject source =
        subject(
            "  @Traced(attrs = \"shop.id = id\")",
            "  void fine(String id) {}",
            "  @Traced",
            "  void broken(Order order) {}");
    Compilation compilation = TestSources.compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    assertThat(TestSources.errorMessages(compilation)).noneMatch(m -> m.contains("[traced:"));
    assertThat(compilation).hadErrorContaining("Order").inFile(source).onLineContaining("broken");
  }

  @Test
  void annotationOnAConstructorOrField() {
    JavaFileObject source =
        subject(
            "  @Traced",
            "  Subject() {}",
            "  @Traced(attrs = \"a = 1\")",
            "  String field;");
    Compilation compilation = TestSources.compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    assertThat(TestSources.errorMessages(compilation)).noneMatch(m -> m.contains("[traced:"));
  }

  @Test
  void syntaxError() {
    JavaFileObject source =
        subject("  @Traced(attrs = \"a = 1\")", "  void m() { int x = }");
    Compilation compilation = TestSources.compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
  }

  @Test
  void recoverableJavacErrorsDoNotHideTracedErrorsElsewhere() {
    JavaFileObject broken =
        source(
            "p.Broken",
            "package p;",
            "import dev.traced.Traced;",
            "class Broken {",
            "  @Traced(sampled = true)",
            "  void m(Order order) {}",
            "}");
    JavaFileObject wrong =
        source(
            "p.Wrong",
            "package p;",
            "import dev.traced.Traced;",
            "class Wrong {",
            "  @Traced(attrs = \"shop.id = ident\")",
            "  void m(String id) {}",
            "}");
    Compilation compilation = TestSources.compile(broken, wrong);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("sampled");
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(broken)
        .onLineContaining("Order order");
    assertThat(compilation)
        .hadErrorContaining(
            "[traced:unknown-parameter] \"ident\" is not a parameter of Wrong.m(String). Its"
                + " parameters are: id.")
        .inFile(wrong)
        .onLineContaining("shop.id = ident");
  }

  /** Another processor: writes one source file in the first round. */
  static final class GeneratesTracedClass extends AbstractProcessor {
    private final String qualifiedName;
    private final String source;
    private boolean done;

    GeneratesTracedClass(String qualifiedName, String... lines) {
      this.qualifiedName = qualifiedName;
      this.source = String.join("\n", lines);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer =
            processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
          writer.write(source);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  private static Compilation compileWithGenerator(
      List<String> written, GeneratesTracedClass generator, JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(recording(new TracedProcessor(), written), generator)
        .compile(sources);
  }

  @Test
  void tracedMethodsInGeneratedSourcesGetAnAspectInALaterRound() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        compileWithGenerator(
            written,
            new GeneratesTracedClass(
                "p.Generated",
                "package p;",
                "class Generated {",
                "  @dev.traced.Traced(attrs = \"shop.id = id\")",
                "  void run(String id) {}",
                "}"),
            source("p.Plain", "package p;", "class Plain {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(written).containsExactly("p/Generated_Traced.aj");
    assertThat(aspect(compilation, "p", "Generated_Traced").orElseThrow())
        .contains("execution(@dev.traced.Traced void p.Generated.run(java.lang.String))");
  }

  @Test
  void methodUsingATypeGeneratedInTheSameRoundIsTraced() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        compileWithGenerator(
            written,
            new GeneratesTracedClass("p.Color", "package p;", "public enum Color { RED }"),
            source(
                "p.Painter",
                "package p;",
                "import dev.traced.Traced;",
                "class Painter {",
                "  @Traced(attrs = \"shop.color = color\")",
                "  void paint(Color color) {}",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(written).containsExactly("p/Painter_Traced.aj");
    assertThat(aspect(compilation, "p", "Painter_Traced").orElseThrow())
        .contains("spanBuilder.setAttribute(SHOP_COLOR, color.name());");
  }

  @Test
  void classWithAGeneratedTypeInOneOfItsMethodsGetsOneCompleteAspect() {
    List<String> written = new ArrayList<>();
    Compilation compilation =
        compileWithGenerator(
            written,
            new GeneratesTracedClass("p.Color", "package p;", "public enum Color { RED }"),
            source(
                "p.Painter",
                "package p;",
                "import dev.traced.Traced;",
                "class Painter {",
                "  @Traced void fine() {}",
                "  @Traced void paint(Color color) {}",
                "}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(written).containsExactly("p/Painter_Traced.aj");
    assertThat(aspect(compilation, "p", "Painter_Traced").orElseThrow())
        .contains("p.Painter.fine()")
        .contains("p.Painter.paint(p.Color)");
  }

  @Test
  void nestedAndTopLevelClassesWhoseAspectNamesCollide() {
    Compilation compilation =
        TestSources.compile(
            source(
                "p.Outer",
                "package p;",
                "import dev.traced.Traced;",
                "class Outer {",
                "  static class Inner { @Traced void a() {} }",
                "}"),
            source(
                "p.Outer_Inner",
                "package p;",
                "import dev.traced.Traced;",
                "class Outer_Inner { @Traced void b() {} }"));
    assertNoInternalError(compilation);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(aspectNames(compilation)).hasSize(2);
  }
}
