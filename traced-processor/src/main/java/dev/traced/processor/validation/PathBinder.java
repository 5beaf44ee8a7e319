package dev.traced.processor.validation;

import com.palantir.javapoet.TypeName;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.diagnostics.Suggestions;
import dev.traced.processor.model.AttributeType;
import dev.traced.processor.model.AttributeValue;
import dev.traced.processor.model.TypeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Resolves a path ({@code order.customer.id}, {@code return.total}) against a traced method: the
 * root to a parameter or the return value, each step to a property ({@link Properties}), and the
 * last value's type to an attribute type ({@link ValueTypes}). Knows nothing of reporting: a
 * failure comes back as the message and arguments to report.
 */
final class PathBinder {

  /** How many properties an "unsupported type" message suggests at most. */
  private static final int SUGGESTED_PROPERTIES = 6;

  /** A bound path: its attribute type and how the generated code reads it. */
  record Bound(AttributeType type, AttributeValue.Path value) {}

  /** Why a path cannot be bound: the message to report and its arguments. */
  record Failure(Message message, List<Object> arguments) {
    Failure(Message message, Object... arguments) {
      this(message, List.of(arguments));
    }
  }

  /** Either a {@link Bound} or a {@link Failure}. */
  record Result(Bound bound, Failure failure) {}

  private final Types types;
  private final Properties properties;
  private final ValueTypes valueTypes;

  PathBinder(Types types, Properties properties, ValueTypes valueTypes) {
    this.types = types;
    this.properties = properties;
    this.valueTypes = valueTypes;
  }

  /**
   * @param returned what {@code return} reads: the return value, or the value of the async result
   *     the method returns, which reaches the generated code as an {@code Object}
   */
  Result bind(
      ExecutableElement method,
      List<String> segments,
      String methodDescription,
      SpanEnds.Decision returned) {
    String text = String.join(".", segments);
    TypeElement from = (TypeElement) method.getEnclosingElement();
    String root = segments.get(0);
    TypeMirror type;
    String rootCast = null;
    if (root.equals("return")) {
      type = returned.value();
      if (type == null && method.getReturnType().getKind() == TypeKind.VOID) {
        return failure(Message.RETURN_OF_VOID, text, methodDescription);
      }
      if (type == null) {
        return failure(
            Message.RETURN_WITHOUT_VALUE, text, methodDescription,
            simpleName(method.getReturnType()));
      }
      boolean heldAsObject =
          returned.spanEnd().isAsync() || TracedMethodValidator.ajcRejectsErasure(type);
      if (heldAsObject && !types.erasure(type).toString().equals("java.lang.Object")) {
        rootCast = erased(type);
      }
    } else {
      VariableElement parameter = parameterNamed(method, root);
      if (parameter == null) {
        return failure(
            Message.UNKNOWN_PARAMETER, root, methodDescription, parameterHint(method, root));
      }
      type = parameter.asType();
    }

    List<AttributeValue.Step> steps = new ArrayList<>();
    for (int i = 1; i < segments.size(); i++) {
      String name = segments.get(i);
      String receiverText = String.join(".", segments.subList(0, i));
      Properties.Lookup lookup = properties.lookup(type, name, from);
      if (lookup.refused().isPresent()) {
        return statefulStep(
            text, receiverText, simpleName(type), lookup.refused().get(), methodDescription);
      }
      if (lookup.property().isEmpty()) {
        if (lookup.unreadable().isPresent()) {
          Properties.Unreadable unreadable = lookup.unreadable().get();
          return failure(
              Message.UNREADABLE_PROPERTY, text, unreadable.member(), unreadable.reason());
        }
        return failure(
            Message.UNKNOWN_PROPERTY, text, receiverText, simpleName(type), name,
            propertyHint(type, name, from));
      }
      Properties.Property property = lookup.property().get();
      TypeMirror erasure = types.erasure(property.type());
      String cast = types.isSameType(erasure, property.declaredType()) ? null : erased(erasure);
      if (erasure.getKind() == TypeKind.DECLARED
          && !properties.accessibleType(
              (TypeElement) types.asElement(erasure), from)) {
        return failure(
            Message.UNREADABLE_PROPERTY, text, receiverText + "." + name,
            "its type " + simpleName(erasure) + " is not accessible from "
                + from.getSimpleName() + "; bind one of its properties through an accessible"
                + " type, or make the type accessible");
      }
      steps.add(
          new AttributeValue.Step(
              name, property.access(), erased(erasure), cast, erasure.getKind().isPrimitive()));
      type = property.type();
    }

    Optional<ValueTypes.Mapping> mapping = valueTypes.mappingOf(type);
    if (mapping.isEmpty()) {
      return failure(Message.UNSUPPORTED_TYPE, text, simpleName(type), typeHint(text, type, from));
    }
    ValueTypes.Mapping found = mapping.get();
    String optionalOf =
        found.optionalOf() == null ? null : erased(types.erasure(found.optionalOf()));
    return new Result(
        new Bound(
            found.type(),
            new AttributeValue.Path(
                root.equals("return") ? null : root, rootCast, steps, optionalOf,
                found.conversion())),
        null);
  }

  private static VariableElement parameterNamed(ExecutableElement method, String name) {
    for (VariableElement parameter : method.getParameters()) {
      if (parameter.getSimpleName().contentEquals(name)) {
        return parameter;
      }
    }
    return null;
  }

  private static String parameterHint(ExecutableElement method, String written) {
    List<String> names = new ArrayList<>();
    method.getParameters().forEach(p -> names.add(p.getSimpleName().toString()));
    List<String> candidates = new ArrayList<>(names);
    if (method.getReturnType().getKind() != TypeKind.VOID) {
      candidates.add("return");
    }
    Optional<String> closest = Suggestions.closest(written, candidates);
    if (closest.isPresent()) {
      return "Did you mean \"" + closest.get() + "\"?";
    }
    if (names.isEmpty()) {
      return method.getReturnType().getKind() == TypeKind.VOID
          ? "It has no parameters; bind a literal instead."
          : "It has no parameters; bind return or a literal instead.";
    }
    return "Its parameters are: " + String.join(", ", names) + ".";
  }

  private String propertyHint(TypeMirror type, String written, TypeElement from) {
    List<String> names = properties.names(type, from);
    Optional<String> closest = Suggestions.closest(written, names);
    if (closest.isPresent()) {
      return "Did you mean \"" + closest.get() + "\"?";
    }
    if (names.isEmpty()) {
      return "It has no properties that traced can read.";
    }
    return "Its properties are: " + String.join(", ", names) + ".";
  }

  /**
   * A step that could change what the method does: what it would do, and what to bind instead.
   * A source has nothing to read, so the fix points away from it; a refused call usually has a
   * neighbour that only reads ({@code peek} for {@code poll}, {@code get} for {@code
   * getAndIncrement}).
   */
  private static Result statefulStep(
      String text,
      String receiverText,
      String receiverType,
      StatefulSteps.Refusal refusal,
      String methodDescription) {
    String what;
    String fix;
    if (refusal instanceof StatefulSteps.Source source) {
      what = receiverText + " has type " + receiverType + ", a source like every "
          + source.type() + ": reading anything from it may consume it or move its position";
      fix = "Bind what the method computes from " + receiverText + " (its return value, say),"
          + " or pass what you need, such as a count, as a parameter of its own.";
    } else {
      StatefulSteps.Call call = (StatefulSteps.Call) refusal;
      what = call.method() + " " + call.effect().verb() + " " + receiverText;
      fix = "Bind a property that only reads " + receiverText + ", what the method computes"
          + " (its return value, say), or pass what you need as a parameter of its own.";
    }
    return failure(Message.STATEFUL_STEP, text, what, methodDescription, fix);
  }

  /** What would work instead of a value of an unsupported type: its supported properties. */
  private String typeHint(String text, TypeMirror type, TypeElement from) {
    List<String> usable = new ArrayList<>();
    for (Properties.Property property : properties.readable(type, from)) {
      Optional<ValueTypes.Mapping> mapping = valueTypes.mappingOf(property.type());
      if (mapping.isPresent() && usable.size() < SUGGESTED_PROPERTIES) {
        usable.add(
            text + "." + property.name() + " (" + mapping.get().type().displayName() + ")");
      }
    }
    String supported =
        "Attribute values are strings (and other CharSequences), booleans, numbers, chars and"
            + " enums, Optionals of these, and arrays and collections of these.";
    if (usable.isEmpty()) {
      return supported;
    }
    return "Bind one of its properties instead: " + String.join(", ", usable) + ". "
        + supported;
  }

  private String erased(TypeMirror type) {
    return TypeName.get(types.erasure(type)).toString();
  }

  private static String simpleName(TypeMirror type) {
    return TypeNames.withoutPackages(type.toString());
  }

  private static Result failure(Message message, Object... arguments) {
    return new Result(null, new Failure(message, arguments));
  }
}
