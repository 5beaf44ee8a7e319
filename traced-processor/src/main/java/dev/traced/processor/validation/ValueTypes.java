package dev.traced.processor.validation;

import dev.traced.processor.model.AttributeType;
import dev.traced.processor.model.AttributeValue.Conversion;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Decides which attribute type, if any, a Java type maps to, and how its value converts: scalars
 * (strings, booleans, numbers, chars, enums), {@code Optional}s of scalars, and arrays and
 * collections of scalars.
 */
final class ValueTypes {

  /**
   * An attribute type and the conversion that produces it.
   *
   * @param optionalOf for a {@code java.util.Optional}, the type of its content (what the
   *     conversion applies to); else null
   */
  record Mapping(AttributeType type, Conversion conversion, TypeMirror optionalOf) {}

  private final Types types;
  private final TypeMirror charSequence;
  private final TypeMirror collection;

  ValueTypes(Types types, Elements elements) {
    this.types = types;
    this.charSequence = typeOrNull(elements, "java.lang.CharSequence");
    this.collection = typeOrNull(elements, "java.util.Collection");
  }

  private TypeMirror typeOrNull(Elements elements, String name) {
    TypeElement element = elements.getTypeElement(name);
    return element == null ? null : types.erasure(element.asType());
  }

  /** The mapping of a value of {@code type}, if it has one. */
  Optional<Mapping> mappingOf(TypeMirror type) {
    Optional<Mapping> scalar = scalarMappingOf(type);
    if (scalar.isPresent()) {
      return scalar;
    }
    if (type.getKind() == TypeKind.ARRAY) {
      return sequenceOf(((ArrayType) type).getComponentType());
    }
    if (!(type instanceof DeclaredType declared)) {
      return Optional.empty();
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    switch (name) {
      case "java.util.Optional":
        if (declared.getTypeArguments().size() != 1) {
          return Optional.empty(); // raw: nothing says what it holds
        }
        TypeMirror content = upperBound(declared.getTypeArguments().get(0));
        return mappingOf(content)
            .filter(m -> m.optionalOf() == null && !m.conversion().isPrimitiveOptional())
            .map(m -> new Mapping(m.type(), m.conversion(), content));
      case "java.util.OptionalInt":
        return mapping(AttributeType.LONG, Conversion.OPTIONAL_INT);
      case "java.util.OptionalLong":
        return mapping(AttributeType.LONG, Conversion.OPTIONAL_LONG);
      case "java.util.OptionalDouble":
        return mapping(AttributeType.DOUBLE, Conversion.OPTIONAL_DOUBLE);
      default:
        TypeMirror element = collectionElementOf(declared);
        return element == null ? Optional.empty() : sequenceOf(element);
    }
  }

  /** An array or collection whose elements are scalars becomes the matching array attribute. */
  private Optional<Mapping> sequenceOf(TypeMirror element) {
    return scalarMappingOf(element)
        .flatMap(
            scalar ->
                switch (scalar.type()) {
                  case STRING ->
                      mapping(
                          AttributeType.STRING_ARRAY,
                          scalar.conversion() == Conversion.ENUM_NAME
                              ? Conversion.ENUM_NAMES
                              : Conversion.STRINGS);
                  case BOOLEAN -> mapping(AttributeType.BOOLEAN_ARRAY, Conversion.BOOLEANS);
                  case LONG -> mapping(AttributeType.LONG_ARRAY, Conversion.LONGS);
                  case DOUBLE -> mapping(AttributeType.DOUBLE_ARRAY, Conversion.DOUBLES);
                  default -> Optional.empty();
                });
  }

  /** The element type of a {@code Collection} subtype ({@code String} for a List<String>). */
  private TypeMirror collectionElementOf(DeclaredType type) {
    if (collection == null || !types.isAssignable(types.erasure(type), collection)) {
      return null;
    }
    DeclaredType current = type;
    while (true) {
      TypeElement element = (TypeElement) current.asElement();
      if (element.getQualifiedName().contentEquals("java.util.Collection")) {
        return current.getTypeArguments().size() == 1
            ? upperBound(current.getTypeArguments().get(0))
            : null; // raw
      }
      DeclaredType next = null;
      for (TypeMirror supertype : types.directSupertypes(current)) {
        if (supertype instanceof DeclaredType declared
            && types.isAssignable(types.erasure(declared), collection)) {
          next = declared;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      current = next;
    }
  }

  /** A wildcard's upper bound ({@code Object} for {@code ?}); any other type itself. */
  private TypeMirror upperBound(TypeMirror type) {
    if (type instanceof WildcardType wildcard) {
      return wildcard.getExtendsBound() != null
          ? wildcard.getExtendsBound()
          : types.erasure(type);
    }
    return type;
  }

  /** A single value: string, boolean, number, char or enum, boxed or not. */
  Optional<Mapping> scalarMappingOf(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return mapping(AttributeType.BOOLEAN, Conversion.DIRECT);
      case BYTE:
      case SHORT:
      case INT:
        return mapping(AttributeType.LONG, Conversion.WIDEN_TO_LONG);
      case LONG:
        return mapping(AttributeType.LONG, Conversion.DIRECT);
      case FLOAT:
        return mapping(AttributeType.DOUBLE, Conversion.WIDEN_TO_DOUBLE);
      case DOUBLE:
        return mapping(AttributeType.DOUBLE, Conversion.DIRECT);
      case CHAR:
        return mapping(AttributeType.STRING, Conversion.CHAR_TO_STRING);
      case DECLARED:
        return declaredMapping((DeclaredType) type);
      case TYPEVAR:
        return typeVariableMapping((TypeVariable) type);
      default:
        return Optional.empty();
    }
  }

  /**
   * A type variable binds through its bounds: {@code <T extends CharSequence>} as a string, {@code
   * <E extends Enum<E>>} by {@code name()}. The advice sees the erasure (the first bound), so only
   * conversions that work on it are chosen: {@code toString()} works on anything, {@code name()}
   * needs {@code Enum} first.
   */
  private Optional<Mapping> typeVariableMapping(TypeVariable variable) {
    TypeMirror erasure = types.erasure(variable);
    if (isEnumClass(erasure)) {
      return mapping(AttributeType.STRING, Conversion.ENUM_NAME);
    }
    List<? extends TypeMirror> bounds =
        variable.getUpperBound() instanceof IntersectionType intersection
            ? intersection.getBounds()
            : List.of(variable.getUpperBound());
    for (TypeMirror bound : bounds) {
      if (charSequence != null && types.isAssignable(types.erasure(bound), charSequence)) {
        return mapping(AttributeType.STRING, Conversion.TO_STRING);
      }
    }
    return erasure.getKind() == TypeKind.DECLARED
        ? declaredMapping((DeclaredType) erasure)
        : Optional.empty();
  }

  private static boolean isEnumClass(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.Enum");
  }

  private Optional<Mapping> declaredMapping(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.ENUM) {
      return mapping(AttributeType.STRING, Conversion.ENUM_NAME);
    }
    switch (element.getQualifiedName().toString()) {
      case "java.lang.String":
        return mapping(AttributeType.STRING, Conversion.DIRECT_NULLABLE);
      case "java.lang.Boolean":
        return mapping(AttributeType.BOOLEAN, Conversion.DIRECT_NULLABLE);
      case "java.lang.Long":
        return mapping(AttributeType.LONG, Conversion.DIRECT_NULLABLE);
      case "java.lang.Integer":
      case "java.lang.Short":
      case "java.lang.Byte":
        return mapping(AttributeType.LONG, Conversion.UNBOX_TO_LONG);
      case "java.lang.Double":
        return mapping(AttributeType.DOUBLE, Conversion.DIRECT_NULLABLE);
      case "java.lang.Float":
        return mapping(AttributeType.DOUBLE, Conversion.UNBOX_TO_DOUBLE);
      case "java.lang.Character":
        return mapping(AttributeType.STRING, Conversion.UNBOX_CHAR_TO_STRING);
      default:
        if (charSequence != null && types.isAssignable(types.erasure(type), charSequence)) {
          return mapping(AttributeType.STRING, Conversion.TO_STRING);
        }
        return Optional.empty();
    }
  }

  private static Optional<Mapping> mapping(AttributeType type, Conversion conversion) {
    return Optional.of(new Mapping(type, conversion, null));
  }
}
