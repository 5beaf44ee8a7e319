package dev.traced.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

class ScratchTest {
  @Test
  void scratch() throws Exception {
    String src = System.getProperty("scratch.src");
    if (src == null) return;
    String text = java.nio.file.Files.readString(java.nio.file.Path.of(src));
    String name = System.getProperty("scratch.name");
    Compilation c = Compiler.javac().withProcessors(new TracedProcessor()).compile(JavaFileObjects.forSourceString(name, text));
    System.out.println("STATUS " + c.status());
    c.diagnostics().forEach(d -> System.out.println("DIAG " + d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(null)));
    for (var f : c.generatedFiles()) {
      System.out.println("FILE " + f.toUri());
      System.out.println(f.getCharContent(true));
    }
  }
}
