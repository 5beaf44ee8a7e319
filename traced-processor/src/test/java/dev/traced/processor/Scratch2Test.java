package dev.traced.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.*;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

class Scratch2Test {
  static class Gen extends AbstractProcessor {
    boolean done;
    @Override public Set<String> getSupportedAnnotationTypes() { return Set.of("*"); }
    @Override public SourceVersion getSupportedSourceVersion() { return SourceVersion.latestSupported(); }
    @Override public boolean process(Set<? extends TypeElement> a, RoundEnvironment r) {
      if (!done) { done = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("p.Color").openWriter()) {
          w.write("package p; public enum Color { RED }");
        } catch (Exception e) { throw new RuntimeException(e); }
      }
      return false;
    }
  }
  @Test
  void scratch() throws Exception {
    Compilation c = Compiler.javac().withProcessors(new TracedProcessor(), new Gen()).compile(JavaFileObjects.forSourceLines("p.A",
      "package p;",
      "import dev.traced.Traced;",
      "class A {",

      "  @Traced(attrs = \"c = color\") void two(Color color) {}",
      "}"));
    System.out.println("STATUS " + c.status());
    c.diagnostics().forEach(d -> System.out.println("DIAG " + d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null)));
    for (var f : c.generatedFiles()) {
      System.out.println("FILE " + f.toUri());
      System.out.println(f.getCharContent(true));
    }
  }
}
