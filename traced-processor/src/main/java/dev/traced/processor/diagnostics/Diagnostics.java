package dev.traced.processor.diagnostics;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s at the most precise position javac knows: the element, its
 * annotation, and the annotation value (down to a single entry of an array) when there is one.
 */
public final class Diagnostics {

  private final Messager messager;
  private final Set<Element> suppressionsChecked = new HashSet<>();
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
   * Warns about {@code @SuppressWarnings("traced:...")} values on {@code element} and its
   * enclosing classes that name no traced warning, once per element: a misspelled suppression
   * would otherwise do nothing, silently.
   */
  public void checkSuppressions(Element element) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      if (!suppressionsChecked.add(e)) {
        continue;
      }
      for (AnnotationMirror mirror : e.getAnnotationMirrors()) {
        TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
        if (!type.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
          continue;
        }
        for (AnnotationValue value : mirror.getElementValues().values()) {
          for (AnnotationValue entry : entries(value)) {
            if (entry.getValue() instanceof String id && id.startsWith("traced:")) {
              Optional<Message> named = Message.byId(id);
              if (named.isEmpty()) {
                report(Message.INEFFECTIVE_SUPPRESSION, e, mirror, entry, id,
                    "traced has no diagnostic with that id. Its warnings are: "
                        + warningIds() + ".");
              } else if (named.get().kind() != Diagnostic.Kind.WARNING) {
                report(Message.INEFFECTIVE_SUPPRESSION, e, mirror, entry, id,
                    "that is an error, and errors cannot be suppressed. Fix what it reports.");
              }
            }
          }
        }
      }
    }
  }

  private static String warningIds() {
    return Arrays.stream(Message.values())
        .filter(m -> m.kind() == Diagnostic.Kind.WARNING)
        .map(Message::id)
        .collect(Collectors.joining(", "));
  }

  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> entries(AnnotationValue value) {
    return value.getValue() instanceof List<?> list
        ? (List<AnnotationValue>) list
        : List.of(value);
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
