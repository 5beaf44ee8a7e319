package dev.traced.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.Arrays;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s at the most precise position javac knows: the element, its
 * annotation, and the annotation value (down to a single entry of an array) when there is one.
 */
public final class Diagnostics {

  private final Messager messager;
  private int errorCount;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} on {@code element}. */
  public void report(Message message, Element element, Object... arguments) {
    if (suppressed(message, element)) {
      return;
    }
    count(message);
    messager.printMessage(message.kind(), message.format(arguments), element);
  }

  /** Reports {@code message} on {@code value} of {@code annotation} on {@code element}. */
  public void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... arguments) {
    if (suppressed(message, element)) {
      return;
    }
    count(message);
    messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
  }

  /**
   * Whether {@code message} is a warning that {@code @SuppressWarnings("traced:<id>")} on the
   * element or an enclosing element turns off. Errors cannot be suppressed.
   */
  private static boolean suppressed(Message message, Element element) {
    if (message.kind() != Diagnostic.Kind.WARNING) {
      return false;
    }
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
      if (suppress != null && Arrays.asList(suppress.value()).contains(message.id())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports {@code message} on a source tree, for places that have no element yet (methods of
   * local classes, whose bodies javac has not attributed while processors run).
   */
  public void report(
      Message message, Trees trees, Tree tree, CompilationUnitTree unit, Object... arguments) {
    count(message);
    trees.printMessage(message.kind(), message.format(arguments), tree, unit);
  }

  /** How many errors were reported so far; lets a caller tell whether its element was clean. */
  public int errorCount() {
    return errorCount;
  }

  private void count(Message message) {
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errorCount++;
    }
  }
}
