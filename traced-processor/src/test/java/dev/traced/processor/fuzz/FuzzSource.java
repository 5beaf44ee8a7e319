package dev.traced.processor.fuzz;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * One generated source file: a top-level type {@code packageName.className} whose {@code @Traced}
 * methods (in it or its nested types) are {@code tracedMethods}.
 *
 * @param index the number of this source in its run; with the seed it regenerates the source
 * @param unknownType whether the source deliberately names a type or constant that does not
 *     exist, so that javac must report an error in it whatever the processor does
 */
public record FuzzSource(
    int index,
    String packageName,
    String className,
    String text,
    List<String> tracedMethods,
    boolean unknownType) {

  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** The aspect the processor writes for this source's top-level type. */
  public String aspectFileName() {
    return className + "_Traced.aj";
  }

  public JavaFileObject toJavaFileObject() {
    return JavaFileObjects.forSourceString(qualifiedName(), text);
  }

  /** The source with line numbers, for failure messages. */
  public String numberedText() {
    StringBuilder out = new StringBuilder();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      out.append(String.format("%4d  %s%n", i + 1, lines.get(i)));
    }
    return out.toString();
  }
}
