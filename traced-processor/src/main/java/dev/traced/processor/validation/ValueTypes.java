package dev.traced.processor.validation;

import dev.traced.processor.model.AttributeType;
import dev.traced.processor.model.AttributeValue.Conversion;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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
      case INTERSECTION:
        // A type variable binds through its bound: <T extends CharSequence> is a CharSequence.
        return declaredOrNothing(types.erasure(type));
      default:
        return Optional.empty();
    }
  }

  private Optional<Mapping> declaredOrNothing(TypeMirror erased) {
    return erased.getKind() == TypeKind.DECLARED
        ? declaredMapping((DeclaredType) erased)
        : Optional.empty();
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
