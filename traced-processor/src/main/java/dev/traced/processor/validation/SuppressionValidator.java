package dev.traced.processor.validation;

import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Warns about {@code @SuppressWarnings("traced:...")} values that can have no effect (an id no
 * diagnostic has, or an error's id), on every class and method compiled, not only near traced
 * methods: a misspelled suppression would otherwise do nothing, silently.
 */
public final class SuppressionValidator {

  private final Diagnostics diagnostics;

  public SuppressionValidator(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks {@code elements} and every class and method inside them. */
  public void check(Iterable<? extends Element> elements) {
    for (Element element : elements) {
      if (element.getKind().isClass() || element.getKind().isInterface()
          || element instanceof ExecutableElement) {
        checkOwn(element);
        check(element.getEnclosedElements());
      }
    }
  }

  private void checkOwn(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (!type.getQualifiedName().contentEquals("java.lang.SuppressWarnings")) {
        continue;
      }
      for (AnnotationValue value : mirror.getElementValues().values()) {
        for (AnnotationValue entry : TracedMethodValidator.entries(value)) {
          if (entry.getValue() instanceof String id && id.startsWith("traced:")) {
            Optional<Message> named = Message.byId(id);
            if (named.isEmpty()) {
              diagnostics.report(Message.INEFFECTIVE_SUPPRESSION, element, mirror, entry, id,
                  "traced has no diagnostic with that id. Its warnings are: "
                      + warningIds() + ".");
            } else if (named.get().kind() != Diagnostic.Kind.WARNING) {
              diagnostics.report(Message.INEFFECTIVE_SUPPRESSION, element, mirror, entry, id,
                  "that is an error, and errors cannot be suppressed. Fix what it reports.");
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
}
