package dev.traced.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.traced.processor.diagnostics.Diagnostics;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.diagnostics.Suggestions;
import dev.traced.processor.model.AttributeValue;
import dev.traced.processor.model.JavaLiterals;
import dev.traced.processor.model.SpanAttribute;
import dev.traced.processor.model.SpanKind;
import dev.traced.processor.model.TracedMethod;
import dev.traced.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashSet;
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

  /** Keys traced sets itself, and when. */
  private static final Map<String, String> RESERVED_KEYS =
      Map.of("error.type", "the class of the exception when the method fails");

  /** Keys traced sets itself on every span unless {@code -Atraced.codeAttributes=off}. */
  private static final Map<String, String> CODE_KEYS =
      Map.of(
          "code.function.name", "the method's qualified name",
          "code.file.path", "the method's source file",
          "code.line.number", "the method's line");

  private final Types types;
  private final Elements elements;
  private final Diagnostics diagnostics;
  private final PathBinder pathBinder;
  private final SemanticConventions conventions;
  private final SpanShapes spanShapes;
  private final SpanEnds spanEnds;
  private final SourceLocations sourceLocations;
  private final Map<String, String> reservedKeys;

  /**
   * @param conventions the semantic-convention registry keys are checked against
   * @param spanShapes the attribute types of every span name seen so far in this compilation
   * @param sourceLocations where methods are declared
   * @param codeAttributes whether traced sets the {@code code.*} attributes itself
   */
  public TracedMethodValidator(
      Types types,
      Elements elements,
      Diagnostics diagnostics,
      SemanticConventions conventions,
      SpanShapes spanShapes,
      SourceLocations sourceLocations,
      boolean codeAttributes) {
    this.types = types;
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.conventions = conventions;
    this.spanShapes = spanShapes;
    this.sourceLocations = sourceLocations;
    this.spanEnds = new SpanEnds(types, elements);
    this.pathBinder =
        new PathBinder(types, new Properties(types, elements), new ValueTypes(types, elements));
    Map<String, String> reserved = new LinkedHashMap<>(RESERVED_KEYS);
    if (codeAttributes) {
      reserved.putAll(CODE_KEYS);
    }
    this.reservedKeys = Map.copyOf(reserved);
  }

  /** The checked model of {@code method}, or empty when it has errors (already reported). */
  public Optional<TracedMethod> validate(ExecutableElement method) {
    AnnotationMirror traced = tracedAnnotation(method).orElseThrow();
    int errorsBefore = diagnostics.errorCount();

    checkPlacement(method);
    String spanName = spanName(method, traced);
    SpanKind spanKind = spanKind(traced);
    SpanEnds.Decision returned = spanEnd(method, traced);
    List<String> expected = expectedExceptions(method, traced);
    List<SpanAttribute> attributes = attributes(method, traced, spanName, returned);

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
    SourceLocations.Location location = sourceLocations.of(method);
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
            attributes,
            returned.spanEnd(),
            expected,
            booleanValue(traced, "newTrace"),
            location.file(),
            location.line()));
  }

  /**
   * When the span ends, from the declared return type; warns when that is at return although
   * the work the result stands for goes on, and when {@code endAtReturn} changes nothing.
   */
  private SpanEnds.Decision spanEnd(ExecutableElement method, AnnotationMirror traced) {
    SpanEnds.Decision decision = spanEnds.decide(method.getReturnType());
    AnnotationValue endAtReturn = explicitValue(traced, "endAtReturn");
    boolean atReturn = endAtReturn != null && Boolean.TRUE.equals(endAtReturn.getValue());
    String returnType = simpleTypeName(method.getReturnType());
    if (atReturn) {
      if (!decision.spanEnd().isAsync() && decision.endsTooEarly() == null) {
        diagnostics.report(
            Message.NEEDLESS_END_AT_RETURN, method, traced, endAtReturn, describe(method),
            returnType);
      }
      // return then reads the result object itself, as for any other type.
      return new SpanEnds.Decision(
          dev.traced.processor.model.SpanEnd.RETURN,
          method.getReturnType().getKind() == TypeKind.VOID ? null : method.getReturnType(),
          null);
    }
    if (decision.endsTooEarly() != null) {
      String[] reasonAndFix = endsTooEarly(decision.endsTooEarly());
      diagnostics.report(
          Message.SPAN_ENDS_AT_RETURN, method, traced, null, describe(method), returnType,
          reasonAndFix[0], reasonAndFix[1]);
    }
    return decision;
  }

  /** Why a result type's span ends too early, and what would make it cover the work. */
  private static String[] endsTooEarly(String type) {
    return switch (type) {
      case "java.util.concurrent.Future" -> new String[] {
        "a Future cannot say when it completes without blocking",
        "Return a CompletableFuture or CompletionStage instead, whose span ends when it completes"
      };
      case "java.util.stream.BaseStream", "java.util.Iterator", "java.util.Spliterator" ->
          new String[] {
            "a stream or iterator may do its work while the caller consumes it",
            "Collect the elements before returning, or trace the code that consumes them"
          };
      case "org.reactivestreams.Publisher", "java.util.concurrent.Flow.Publisher" ->
          new String[] {
            "a publisher does its work when subscribed, and traced knows when only for the"
                + " Reactor and RxJava 3 types",
            "Return a Reactor Mono or Flux, or an RxJava 3 Single, Maybe, Completable, Observable"
                + " or Flowable, whose span ends on its terminal signal"
          };
      default -> new String[] {
        "traced ends spans on the terminal signal of Mono, Flux, Single, Maybe, Completable,"
            + " Observable and Flowable themselves, not of their subclasses",
        "Declare the return type as one of those"
      };
    };
  }

  /**
   * The exceptions {@code expected} lists, erased. A checked one must be thrown by the method;
   * one that another entry already covers is a warning.
   */
  private List<String> expectedExceptions(ExecutableElement method, AnnotationMirror traced) {
    AnnotationValue expected = explicitValue(traced, "expected");
    if (expected == null) {
      return List.of();
    }
    TypeMirror runtimeException = elements.getTypeElement("java.lang.RuntimeException").asType();
    TypeMirror error = elements.getTypeElement("java.lang.Error").asType();
    List<AnnotationValue> entries = entries(expected);
    List<TypeMirror> listed = new ArrayList<>();
    for (AnnotationValue entry : entries) {
      listed.add(entry.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.DECLARED
          ? type : null);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      TypeMirror type = listed.get(i);
      if (type == null) {
        continue; // javac has already reported the erroneous value
      }
      boolean unchecked =
          types.isSubtype(type, runtimeException) || types.isSubtype(type, error);
      if (!unchecked
          && method.getThrownTypes().stream().noneMatch(t -> types.isSubtype(type, t))) {
        diagnostics.report(
            Message.UNDECLARED_EXPECTED, method, traced, entries.get(i), simpleTypeName(type),
            describe(method));
        continue;
      }
      Optional<TypeMirror> cover = Optional.empty();
      for (int j = 0; j < listed.size() && cover.isEmpty(); j++) {
        TypeMirror other = listed.get(j);
        if (j != i && other != null && types.isSubtype(type, other)
            && (!types.isSameType(type, other) || j < i)) {
          cover = Optional.of(other);
        }
      }
      if (cover.isPresent()) {
        diagnostics.report(
            Message.NEEDLESS_EXPECTED, method, traced, entries.get(i), simpleTypeName(type),
            simpleTypeName(cover.get()));
        continue;
      }
      names.add(erased(type));
    }
    return names;
  }

  private static boolean booleanValue(AnnotationMirror traced, String name) {
    AnnotationValue value = explicitValue(traced, name);
    return value != null && Boolean.TRUE.equals(value.getValue());
  }

  /**
   * Whether ajc refuses an around advice that returns the erasure of {@code type}: it does for a
   * type variable whose bound has type arguments ({@code T extends Comparable<T>}) and for an
   * array of such types or of parameterized types ({@code List<String>[]}). Such advice returns
   * {@code Object}, which costs nothing for a reference type.
   */
  static boolean ajcRejectsErasure(TypeMirror type) {
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
    } else if (!name.equals(name.strip())) {
      diagnostics.report(
          Message.UNTRIMMED_SPAN_NAME, method, traced, value, JavaLiterals.string(name),
          JavaLiterals.string(name.strip()));
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

  private List<SpanAttribute> attributes(
      ExecutableElement method,
      AnnotationMirror traced,
      String spanName,
      SpanEnds.Decision returned) {
    AnnotationValue attrs = explicitValue(traced, "attrs");
    Map<String, String> entryByKey = new LinkedHashMap<>();
    Map<String, AnnotationValue> valueByKey = new LinkedHashMap<>();
    Map<String, Boolean> sensitiveByKey = new LinkedHashMap<>();
    List<SpanAttribute> attributes = new ArrayList<>();
    List<AnnotationValue> allowed = allowedSensitive(traced);
    Set<String> allowedKeys = new LinkedHashSet<>();
    for (AnnotationValue value : allowed) {
      if (!isErroneous(value) && value.getValue() instanceof String key) {
        allowedKeys.add(key);
      }
    }
    for (AnnotationValue entryValue : attrs == null ? List.<AnnotationValue>of() : entries(attrs)) {
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
      valueByKey.put(parsed.key(), entryValue);
      if (reservedKeys.containsKey(parsed.key())) {
        diagnostics.report(
            Message.RESERVED_KEY, method, traced, entryValue, parsed.key(),
            reservedKeys.get(parsed.key()));
        continue;
      }
      Optional<SpanAttribute> attribute = bind(method, traced, entryValue, parsed, returned);
      if (attribute.isEmpty()) {
        continue;
      }
      sensitiveByKey.put(parsed.key(), false); // literals are constants, never sensitive data
      if (parsed.value() instanceof AttributeEntry.Path path) {
        Optional<SensitiveData.Match> match = sensitiveMatch(parsed.key(), path);
        sensitiveByKey.put(parsed.key(), match.isPresent());
        if (match.isPresent() && !allowedKeys.contains(parsed.key())) {
          diagnostics.report(
              Message.SENSITIVE_VALUE, method, traced, entryValue, parsed.key(),
              match.get().category(), match.get().words(), text.strip());
          continue;
        }
      }
      if (checkConventions(method, traced, entryValue, text, parsed, attribute.get())
          && checkSpanShape(method, traced, entryValue, spanName, attribute.get())) {
        attributes.add(attribute.get());
      }
    }
    checkAllowedSensitive(method, traced, allowed, entryByKey.keySet(), sensitiveByKey);
    return attributes;
  }

  /** The key or any step of the path, checked for words that suggest secrets or personal data. */
  private static Optional<SensitiveData.Match> sensitiveMatch(
      String key, AttributeEntry.Path path) {
    Optional<SensitiveData.Match> match = SensitiveData.find(key);
    for (String segment : path.segments()) {
      if (match.isPresent()) {
        break;
      }
      match = SensitiveData.find(segment);
    }
    return match;
  }

  private void checkAllowedSensitive(
      ExecutableElement method,
      AnnotationMirror traced,
      List<AnnotationValue> allowed,
      Set<String> keys,
      Map<String, Boolean> sensitiveByKey) {
    for (AnnotationValue value : allowed) {
      if (isErroneous(value) || !(value.getValue() instanceof String key)) {
        continue;
      }
      if (!keys.contains(key)) {
        String hint =
            keys.isEmpty()
                ? "It has no attrs; remove allowSensitive."
                : "Its keys are: " + String.join(", ", keys) + ".";
        Optional<String> closest = Suggestions.closest(key, keys);
        if (closest.isPresent()) {
          hint = "Did you mean \"" + closest.get() + "\"?";
        }
        diagnostics.report(Message.UNKNOWN_ALLOWED_SENSITIVE, method, traced, value, key, hint);
      } else if (Boolean.FALSE.equals(sensitiveByKey.get(key))) {
        diagnostics.report(Message.NEEDLESS_ALLOWED_SENSITIVE, method, traced, value, key);
      }
    }
  }

  /** Errors on a key the conventions type differently; warns on a deprecated one. */
  private boolean checkConventions(
      ExecutableElement method,
      AnnotationMirror traced,
      AnnotationValue entryValue,
      String text,
      AttributeEntry.Parsed parsed,
      SpanAttribute attribute) {
    Optional<SemanticConventions.Convention> convention = conventions.lookup(parsed.key());
    if (convention.isEmpty()) {
      return true;
    }
    if (convention.get().type() != attribute.type()) {
      diagnostics.report(
          Message.SEMCONV_TYPE_MISMATCH, method, traced, entryValue, parsed.key(),
          convention.get().type().displayName(), valueText(text),
          attribute.type().displayName());
      return false;
    }
    convention
        .get()
        .deprecation()
        .ifPresent(
            note ->
                diagnostics.report(
                    Message.DEPRECATED_KEY, method, traced, entryValue, parsed.key(),
                    sentence(note),
                    note.toLowerCase(Locale.ROOT).contains("no replacement") || note.isBlank()
                        ? "Remove it or use a key of your own"
                        : "Use the replacement"));
    return true;
  }

  private boolean checkSpanShape(
      ExecutableElement method,
      AnnotationMirror traced,
      AnnotationValue entryValue,
      String spanName,
      SpanAttribute attribute) {
    Optional<SpanShapes.Conflict> conflict =
        spanShapes.add(spanName, attribute.key(), attribute.type(), describe(method));
    conflict.ifPresent(
        c ->
            diagnostics.report(
                Message.SPAN_NAME_CONFLICT, method, traced, entryValue, spanName,
                attribute.key(), c.type().displayName(), c.method(),
                attribute.type().displayName()));
    return conflict.isEmpty();
  }

  /** A deprecation note as one sentence: "it has no replacement." when the note is empty. */
  private static String sentence(String note) {
    String text = note.strip();
    if (text.isEmpty()) {
      return "no replacement is named.";
    }
    return text.endsWith(".") ? text : text + ".";
  }

  /** The value of an entry as written after its "=": {@code order.id}, {@code '8080'}. */
  private static String valueText(String entry) {
    return entry.substring(entry.indexOf('=') + 1).strip();
  }

  private Optional<SpanAttribute> bind(
      ExecutableElement method,
      AnnotationMirror traced,
      AnnotationValue entryValue,
      AttributeEntry.Parsed parsed,
      SpanEnds.Decision returned) {
    if (parsed.value() instanceof AttributeEntry.Literal literal) {
      return Optional.of(
          new SpanAttribute(
              parsed.key(), literal.type(), new AttributeValue.Literal(literal.value())));
    }
    AttributeEntry.Path path = (AttributeEntry.Path) parsed.value();
    PathBinder.Result result = pathBinder.bind(method, path.segments(), describe(method), returned);
    if (result.failure() != null) {
      diagnostics.report(
          result.failure().message(), method, traced, entryValue,
          result.failure().arguments().toArray());
      return Optional.empty();
    }
    return Optional.of(
        new SpanAttribute(parsed.key(), result.bound().type(), result.bound().value()));
  }

  /** The entries of {@code allowSensitive}, as written. */
  private static List<AnnotationValue> allowedSensitive(AnnotationMirror traced) {
    AnnotationValue value = explicitValue(traced, "allowSensitive");
    return value == null ? List.of() : entries(value);
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
  static List<AnnotationValue> entries(AnnotationValue array) {
    Object value = array.getValue();
    return value instanceof List<?> list ? (List<AnnotationValue>) list : List.of(array);
  }
}
