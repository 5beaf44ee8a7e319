package dev.traced.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.stream.Collectors;
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
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Building inline sources, compiling them with the processor, and reading what it wrote. */
final class TestSources {

  private TestSources() {}

  /** A source file {@code qualifiedName}, one argument per line. */
  static JavaFileObject source(String qualifiedName, String... lines) {
    return JavaFileObjects.forSourceLines(qualifiedName, lines);
  }

  /**
   * A class {@code p.Subject} (the package is {@code p}) with {@code import dev.traced.Traced;},
   * whose body is {@code bodyLines}.
   */
  static JavaFileObject subject(String... bodyLines) {
    String[] lines = new String[bodyLines.length + 4];
    lines[0] = "package p;";
    lines[1] = "import dev.traced.Traced;";
    lines[2] = "class Subject {";
    System.arraycopy(bodyLines, 0, lines, 3, bodyLines.length);
    lines[lines.length - 1] = "}";
    return source("p.Subject", lines);
  }

  /** What the processor of each compilation asked the Filer to create. */
  private static final Map<Compilation, List<String>> WRITTEN =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Compiles {@code sources} with a fresh {@link TracedProcessor}. */
  static Compilation compile(JavaFileObject... sources) {
    List<String> written = Collections.synchronizedList(new ArrayList<>());
    Compilation compilation =
        Compiler.javac().withProcessors(recording(new TracedProcessor(), written)).compile(sources);
    WRITTEN.put(compilation, written);
    return compilation;
  }

  /**
   * Compiles {@code sources} with a fresh {@link TracedProcessor} that sees javac's own
   * environment, so that it can use the javac tree API (which refuses the recording proxy of
   * {@link #compile}); {@link #aspectNames} is not available for such a compilation.
   */
  static Compilation compileWithJavacEnvironment(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new TracedProcessor()).compile(sources);
  }

  /** The text of the aspect {@code aspectName.aj} generated in {@code packageName}, if any. */
  static Optional<String> aspect(Compilation compilation, String packageName, String aspectName) {
    return compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, packageName, aspectName + ".aj")
        .map(TestSources::contents);
  }

  /**
   * The files ({@code p/Subject_Traced.aj}) the processor created, sorted, whether or not the
   * compilation succeeded (compile-testing only shows generated files of a successful one).
   */
  static List<String> aspectNames(Compilation compilation) {
    List<String> written = WRITTEN.get(compilation);
    if (written == null) {
      throw new IllegalArgumentException("not compiled by TestSources.compile");
    }
    synchronized (written) {
      return written.stream().sorted().collect(Collectors.toList());
    }
  }

  /**
   * {@code processor}, seeing a Filer that adds the path of every file it creates to {@code
   * written} and otherwise does exactly what javac's Filer does.
   */
  static Processor recording(Processor processor, List<String> written) {
    return new Processor() {
      @Override
      public Set<String> getSupportedOptions() {
        return processor.getSupportedOptions();
      }

      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return processor.getSupportedAnnotationTypes();
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return processor.getSupportedSourceVersion();
      }

      @Override
      public void init(ProcessingEnvironment env) {
        Filer filer = recordingFiler(env.getFiler(), written);
        processor.init(
            proxy(
                ProcessingEnvironment.class,
                (method, args) ->
                    method.getName().equals("getFiler") ? filer : method.invoke(env, args)));
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        return processor.process(annotations, round);
      }

      @Override
      public Iterable<? extends Completion> getCompletions(
          Element element, AnnotationMirror annotation, ExecutableElement member, String text) {
        return processor.getCompletions(element, annotation, member, text);
      }
    };
  }

  private static Filer recordingFiler(Filer filer, List<String> written) {
    return proxy(
        Filer.class,
        (method, args) -> {
          Object created = method.invoke(filer, args);
          if (created instanceof FileObject file) {
            String path = file.toUri().getPath();
            int root = path.indexOf("/SOURCE_OUTPUT/");
            // the span catalogue goes to CLASS_OUTPUT in every compilation: not an aspect
            if (!path.contains("/CLASS_OUTPUT/")) {
              written.add(root < 0 ? path : path.substring(root + "/SOURCE_OUTPUT/".length()));
            }
          }
          return created;
        });
  }

  private interface Call {
    Object invoke(Method method, Object[] args) throws ReflectiveOperationException;
  }

  private static <T> T proxy(Class<T> type, Call call) {
    InvocationHandler handler =
        (self, method, args) -> {
          try {
            return call.invoke(method, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  static String contents(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every error message of the compilation, in the order javac reported them. */
  static List<String> errorMessages(Compilation compilation) {
    return compilation.errors().stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  /** Asserts that {@code source} fails with exactly one error, {@code message}, and no aspect. */
  static void assertOnlyError(JavaFileObject source, String lineFragment, String message) {
    Compilation compilation = compile(source);
    com.google.testing.compile.CompilationSubject.assertThat(compilation).failed();
    com.google.testing.compile.CompilationSubject.assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, lineFragment, message);
    assertThat(aspectNames(compilation)).isEmpty();
  }

  /** Asserts exactly one warning, {@code message}, on the line containing {@code lineFragment}. */
  static void assertOnlyWarning(
      Compilation compilation, JavaFileObject source, String lineFragment, String message) {
    com.google.testing.compile.CompilationSubject.assertThat(compilation).succeeded();
    com.google.testing.compile.CompilationSubject.assertThat(compilation).hadWarningCount(1);
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadWarningContaining(message)
        .inFile(source)
        .onLineContaining(lineFragment);
    assertThat(compilation.warnings().get(0).getMessage(Locale.ROOT)).isEqualTo(message);
  }

  /**
   * Asserts that the compilation reported an error whose message is exactly {@code message}
   * (not just containing it), on the line of {@code source} that contains {@code lineFragment}.
   */
  static void assertError(
      Compilation compilation, JavaFileObject source, String lineFragment, String message) {
    com.google.testing.compile.CompilationSubject.assertThat(compilation)
        .hadErrorContaining(message)
        .inFile(source)
        .onLineContaining(lineFragment);
    List<Diagnostic<? extends JavaFileObject>> exact =
        compilation.errors().stream()
            .filter(d -> d.getMessage(Locale.ROOT).equals(message))
            .collect(Collectors.toList());
    assertThat(exact)
        .as("an error whose whole message is exactly %n%s%namong%n%s",
            message, String.join("\n", errorMessages(compilation)))
        .isNotEmpty();
  }

  /** Asserts that no diagnostic is an internal error of traced or carries a stack trace. */
  static void assertNoInternalError(Compilation compilation) {
    assertThat(compilation.diagnostics())
        .extracting(d -> d.getMessage(Locale.ROOT))
        .noneMatch(m -> m.contains("[traced:internal-error]"))
        .noneMatch(m -> m.contains("\tat ")); // no stack trace of any kind
  }
}
