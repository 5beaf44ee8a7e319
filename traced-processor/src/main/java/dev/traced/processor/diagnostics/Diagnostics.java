package dev.traced.processor.diagnostics;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

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
    count(message);
    messager.printMessage(message.kind(), message.format(arguments), element, annotation, value);
  }

  /** How many errors were reported so far; lets a caller tell whether its element was clean. */
  public int errorCount() {
    return errorCount;
  }

  private void count(Message message) {
    if (message.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errorCount++;
    }
  }
}
