package dev.traced.processor.validation;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/** The table of refused steps, checked against the JDK that runs the tests. */
class StatefulStepsTest {

  @Test
  void everyListedMethodExistsOnItsType() {
    List<String> unresolved = new ArrayList<>();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(
                new AbstractProcessor() {
                  @Override
                  public synchronized void init(ProcessingEnvironment env) {
                    super.init(env);
                    unresolved.addAll(
                        new StatefulSteps(env.getTypeUtils(), env.getElementUtils())
                            .unresolved());
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
                  public boolean process(
                      Set<? extends TypeElement> annotations, RoundEnvironment round) {
                    return false;
                  }
                })
            .compile(JavaFileObjects.forSourceLines("p.Empty", "package p;", "class Empty {}"));
    assertThat(compilation).succeeded();
    assertThat(unresolved).isEmpty();
  }
}
