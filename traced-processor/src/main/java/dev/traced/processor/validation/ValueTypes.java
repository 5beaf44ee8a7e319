package dev.traced.processor.validation;

import dev.traced.processor.model.AttributeType;
import dev.traced.processor.model.AttributeValue.Conversion;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Decides which attribute type, if any, a Java type maps to, and how its value converts. */
final class ValueTypes {

  /** An attribute type and the conversion that produces it. */
  record Mapping(AttributeType type, Conversion conversion) {}

  private final Types types;
  private final TypeMirror charSequence;

  ValueTypes(Types types, Elements elements) {
    this.types = types;
    TypeElement charSequenceElement = elements.getTypeElement("java.lang.CharSequence");
    this.charSequence = charSequenceElement == null ? null : charSequenceElement.asType();
  }

  Optional<Mapping> mappingOf(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
        return mapping(AttributeType.BOOLEAN, Conversion.DIRECT);
      case BYTE:
      case SHORT:
      case INT:
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
        return mapping(AttributeType.STRING, Conversion.TO_STRING);
      default:
        if (charSequence != null && types.isAssignable(types.erasure(type), charSequence)) {
          return mapping(AttributeType.STRING, Conversion.TO_STRING);
        }
        return Optional.empty();
    }
  }

  private static Optional<Mapping> mapping(AttributeType type, Conversion conversion) {
    return Optional.of(new Mapping(type, conversion));
  }
}
