package dev.traced.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.AttributeValue;
import dev.traced.processor.model.SpanAttribute;
import dev.traced.processor.model.SpanKind;
import dev.traced.processor.model.TracedMethod;
import dev.traced.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @Traced} method and turns it into a {@link TracedMethod}. Every problem is
 * reported through {@link Diagnostics} at the element, annotation value or array entry that
 * causes it; all problems of a method are reported, not only the first.
 */
public final class TracedMethodValidator {

  /** The qualified name of the annotation this processor reads. */
  public static final String TRACED = "dev.traced.Traced";

  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final ValueTypes valueTypes;

  public TracedMethodValidator(Types types, Elements elements, Diagnostics diagnostics) {
    this.types = types;
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.valueTypes = new ValueTypes(types, elements);
  }

  /** The checked model of {@code method}, or empty when it has errors (already reported). */
  public Optional<TracedMethod> validate(ExecutableElement method) {
    AnnotationMirror traced = tracedAnnotation(method).orElseThrow();
    int errorsBefore = diagnostics.errorCount();

    checkPlacement(method);
    String spanName = spanName(method, traced);
    SpanKind spanKind = spanKind(traced);
    List<SpanAttribute> attributes = attributes(method, traced);

    if (diagnostics.errorCount() != errorsBefore) {
      return Optional.empty();
    }
    List<TracedMethod.Parameter> parameters =
        method.getParameters().stream()
            .map(p -> new TracedMethod.Parameter(p.getSimpleName().toString(), erased(p.asType())))
            .collect(Collectors.toList());
    List<String> thrownTypes =
        method.getThrownTypes().stream().map(this::erased).collect(Collectors.toList());
    List<String> failureTypes =
        failureTypes(method).stream().map(this::erased).collect(Collectors.toList());
    TypeMirror returnType = method.getReturnType();
    return Optional.of(
        new TracedMethod(
            ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString(),
            method.getSimpleName().toString(),
            erased(returnType),
            ajcRejectsErasure(returnType) ? "java.lang.Object" : erased(returnType),
            returnType instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty(),
            parameters,
            method.isVarArgs(),
            thrownTypes,
            failureTypes,
            spanName,
            spanKind,
            attributes));
  }

  /**
   * Whether ajc refuses an around advice that returns the erasure of {@code type}: it does for a
   * type variable whose bound has type arguments ({@code T extends Comparable<T>}) and for an
   * array of such types or of parameterized types ({@code List<String>[]}). Such advice returns
   * {@code Object}, which costs nothing for a reference type.
   */
  private static boolean ajcRejectsErasure(TypeMirror type) {
    while (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      if (component instanceof DeclaredType declared && !declared.getTypeArguments().isEmpty()) {
        return true;
      }
      type = component;
    }
    return type.getKind() == TypeKind.TYPEVAR;
  }

  /**
   * The types a multi-catch must name to catch everything the method can throw: ajc does not
   * rethrow a caught {@code Throwable} precisely, and Java rejects alternatives that are
   * subtypes of one another.
   */
  private List<TypeMirror> failureTypes(ExecutableElement method) {
    List<TypeMirror> candidates = new ArrayList<>();
    for (TypeMirror thrown : method.getThrownTypes()) {
      candidates.add(types.erasure(thrown));
    }
    candidates.add(elements.getTypeElement("java.lang.RuntimeException").asType());
    candidates.add(elements.getTypeElement("java.lang.Error").asType());
    List<TypeMirror> minimal = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      TypeMirror candidate = candidates.get(i);
      boolean covered = false;
      for (int j = 0; j < candidates.size() && !covered; j++) {
        TypeMirror other = candidates.get(j);
        boolean sameType = types.isSameType(candidate, other);
        covered = sameType ? j < i : types.isSubtype(candidate, other);
      }
      if (!covered) {
        minimal.add(candidate);
      }
    }
    return minimal;
  }

  private void checkPlacement(ExecutableElement method) {
    if (method.getModifiers().contains(Modifier.ABSTRACT)) {
      diagnostics.report(Message.NO_BODY, method, describe(method), "abstract", "implements");
    } else if (method.getModifiers().contains(Modifier.NATIVE)) {
      diagnostics.report(Message.NO_BODY, method, describe(method), "native", "calls");
    }
  }

  private String spanName(ExecutableElement method, AnnotationMirror traced) {
    String defaultName =
        method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    AnnotationValue value = explicitValue(traced, "name");
    if (value == null) {
      return defaultName;
    }
    if (isErroneous(value) || !(value.getValue() instanceof String name)) {
      return defaultName; // javac has already reported the erroneous value
    }
    if (name.isBlank()) {
      diagnostics.report(Message.BLANK_SPAN_NAME, method, traced, value, defaultName);
    }
    return name;
  }

  private SpanKind spanKind(AnnotationMirror traced) {
    AnnotationValue value = explicitValue(traced, "kind");
    if (value == null) {
      return SpanKind.INTERNAL;
    }
    if (!(value.getValue() instanceof VariableElement constant)) {
      return SpanKind.INTERNAL; // javac has already reported the erroneous value
    }
    return SpanKind.valueOf(constant.getSimpleName().toString());
  }

  private List<SpanAttribute> attributes(ExecutableElement method, AnnotationMirror traced) {
    AnnotationValue attrs = explicitValue(traced, "attrs");
    if (attrs == null) {
      return List.of();
    }
    Map<String, String> entryByKey = new LinkedHashMap<>();
    List<SpanAttribute> attributes = new ArrayList<>();
    for (AnnotationValue entryValue : entries(attrs)) {
      if (isErroneous(entryValue) || !(entryValue.getValue() instanceof String text)) {
        continue; // javac has already reported the erroneous value
      }
      AttributeEntry entry = AttributeEntryParser.parse(text);
      if (entry instanceof AttributeEntry.Malformed malformed) {
        diagnostics.report(
            malformed.message(), method, traced, entryValue, malformed.arguments().toArray());
        continue;
      }
      AttributeEntry.Parsed parsed = (AttributeEntry.Parsed) entry;
      String earlier = entryByKey.putIfAbsent(parsed.key(), text);
      if (earlier != null) {
        diagnostics.report(
            Message.DUPLICATE_ATTRIBUTE_KEY, method, traced, entryValue, parsed.key(), earlier);
        continue;
      }
      bind(method, traced, entryValue, parsed).ifPresent(attributes::add);
    }
    return attributes;
  }

  private Optional<SpanAttribute> bind(
      ExecutableElement method,
      AnnotationMirror traced,
      AnnotationValue entryValue,
      AttributeEntry.Parsed parsed) {
    if (parsed.value() instanceof AttributeEntry.Literal literal) {
      return Optional.of(
          new SpanAttribute(
              parsed.key(), literal.type(), new AttributeValue.Literal(literal.value())));
    }
    AttributeEntry.Path path = (AttributeEntry.Path) parsed.value();
    if (path.root().equals("return")) {
      diagnostics.report(
          Message.RETURN_VALUE_NOT_SUPPORTED, method, traced, entryValue, path.text());
      return Optional.empty();
    }
    VariableElement parameter = parameterNamed(method, path.root());
    if (parameter == null) {
      diagnostics.report(
          Message.UNKNOWN_PARAMETER,
          method,
          traced,
          entryValue,
          path.root(),
          describe(method),
          parameterHint(method));
      return Optional.empty();
    }
    if (path.segments().size() > 1) {
      diagnostics.report(
          Message.PROPERTY_PATH_NOT_SUPPORTED, method, traced, entryValue, path.text());
      return Optional.empty();
    }
    Optional<ValueTypes.Mapping> mapping = valueTypes.mappingOf(parameter.asType());
    if (mapping.isEmpty()) {
      diagnostics.report(
          Message.UNSUPPORTED_PARAMETER_TYPE,
          method,
          traced,
          entryValue,
          path.root(),
          simpleTypeName(parameter.asType()));
      return Optional.empty();
    }
    return Optional.of(
        new SpanAttribute(
            parsed.key(),
            mapping.get().type(),
            new AttributeValue.ParameterValue(path.root(), mapping.get().conversion())));
  }

  private static VariableElement parameterNamed(ExecutableElement method, String name) {
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(name)) {
        return parameter;
      }
    }
    return null;
  }

  private static String parameterHint(ExecutableElement method) {
    if (method.getParameters().isEmpty()) {
      return "It has no parameters; bind a literal instead.";
    }
    return "Its parameters are: "
        + method.getParameters().stream()
            .map(p -> p.getSimpleName().toString())
            .collect(Collectors.joining(", "))
        + ".";
  }

  /** {@code OrderService.checkout(String, int)}, for messages. */
  private static String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName()
        + "."
        + method.getSimpleName()
        + method.getParameters().stream()
            .map(p -> simpleTypeName(p.asType()))
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private static String simpleTypeName(TypeMirror type) {
    return TypeNames.withoutPackages(type.toString());
  }

  private String erased(TypeMirror type) {
    return TypeName.get(types.erasure(type)).toString();
  }

  /** The {@code @Traced} annotation on {@code element}, if it has one. */
  public static Optional<AnnotationMirror> tracedAnnotation(Element element) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(TRACED)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value written in source for {@code name}, or null when the default applies. */
  private static AnnotationValue explicitValue(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Whether javac could not evaluate {@code value} (an unknown constant, say) and has reported
   * it. javac hands such a value out as the string {@code <error>}; only its {@code toString()},
   * unquoted, tells it from a real string.
   */
  private static boolean isErroneous(AnnotationValue value) {
    return value.toString().equals("<error>");
  }

  /** The entries of an array value; a single string written without braces is one entry. */
  @SuppressWarnings("unchecked")
  private static List<AnnotationValue> entries(AnnotationValue array) {
    Object value = array.getValue();
    return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of(array);
  }
}
