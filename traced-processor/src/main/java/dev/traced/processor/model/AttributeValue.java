package dev.traced.processor.model;

import java.util.List;

/** Where an attribute's value comes from. */
public sealed interface AttributeValue {

  /**
   * A constant written in the annotation.
   *
   * @param value a {@link String}, {@link Boolean}, {@link Long} or {@link Double}
   */
  record Literal(Object value) implements AttributeValue {}

  /**
   * A value read when the method runs: a parameter, or the return value, followed by property
   * steps ({@code order.customer.id}). A null anywhere on the way leaves the attribute out.
   *
   * @param root the parameter's name, or {@code null} for the return value
   * @param rootCast the type to cast the root to before the first step, or {@code null}: the
   *     advice sees the erasure of a type variable, which may hide the members a step needs
   * @param steps the property steps after the root, in order; empty for the root itself
   * @param optionalOf when the last value is a {@code java.util.Optional}: the erased type of its
   *     content, which is converted when present (an empty one leaves the attribute out); else
   *     {@code null}
   * @param conversion how the last value (or the optional's content) becomes the attribute's
   *     value
   */
  record Path(
      String root, String rootCast, List<Step> steps, String optionalOf, Conversion conversion)
      implements AttributeValue {

    public Path {
      steps = List.copyOf(steps);
    }

    /** A parameter's own value, without steps. */
    public static Path parameter(String name, Conversion conversion) {
      return new Path(name, null, List.of(), null, conversion);
    }

    /** Whether the value is read from the return value, after the method returned normally. */
    public boolean fromReturn() {
      return root == null;
    }

    /**
     * Whether reading the value can run code of the application (an accessor, a {@code
     * toString()}, a collection's iterator), which might throw. The generated code catches what
     * such code throws, so that the traced method never sees it.
     */
    public boolean runsApplicationCode() {
      return steps.stream().anyMatch(Step::callsMethod) || conversion.runsApplicationCode();
    }
  }

  /**
   * One property step of a {@link Path}.
   *
   * @param name the property as written in the annotation ({@code customer})
   * @param access the Java member access that reads it: {@code customer()}, {@code
   *     getCustomer()}, {@code customer} for a field, {@code length} for an array
   * @param type the erased type of the value it yields ({@code com.shop.Customer}, {@code int})
   * @param cast the type to cast the value to, or {@code null}: an accessor of a raw receiver
   *     returns the erasure of its declared type ({@code Object} for {@code T}), while the path
   *     knows the type argument
   * @param primitive whether {@link #type} is a primitive type, which is never null
   */
  record Step(String name, String access, String type, String cast, boolean primitive) {

    /** Whether the step calls a method; reading a field or an array's length runs no code. */
    public boolean callsMethod() {
      return access.endsWith("()");
    }
  }

  /** How the last Java value of a path becomes an attribute value of its {@link AttributeType}. */
  enum Conversion {
    /** Already of the attribute's Java type, or a primitive that widens to it; never null. */
    DIRECT,
    /** A reference of the attribute's Java type ({@code String}, {@code Long}, ...); may be null. */
    DIRECT_NULLABLE,
    /**
     * A primitive {@code int}, {@code short} or {@code byte}, widened to {@code long}: the {@code
     * setAttribute(AttributeKey<Long>, int)} it would otherwise bind to is missing from {@code
     * SpanBuilder} before opentelemetry-api 1.45, and the woven class may run on such an API.
     */
    WIDEN_TO_LONG,
    /** A primitive {@code float}, widened to {@code double}. */
    WIDEN_TO_DOUBLE,
    /** A boxed {@code Integer}, {@code Short} or {@code Byte}: {@code longValue()}. */
    UNBOX_TO_LONG,
    /** A boxed {@code Float}: {@code doubleValue()}. */
    UNBOX_TO_DOUBLE,
    /** A primitive {@code char}: a one-character string. */
    CHAR_TO_STRING,
    /** A boxed {@code Character}: a one-character string. */
    UNBOX_CHAR_TO_STRING,
    /** A {@code CharSequence} other than {@code String}: its {@code toString()}. */
    TO_STRING,
    /** An enum constant: its {@code name()}. */
    ENUM_NAME,
    /** An array or collection of strings, other char sequences or characters. */
    STRINGS,
    /** An array or collection of enum constants: their names. */
    ENUM_NAMES,
    /** An array or collection of booleans. */
    BOOLEANS,
    /** An array or collection of integral numbers. */
    LONGS,
    /** An array or collection of floating-point numbers. */
    DOUBLES,
    /** An {@code OptionalInt}: its value when present, widened as for {@link #WIDEN_TO_LONG}. */
    OPTIONAL_INT,
    /** An {@code OptionalLong}: its value when present. */
    OPTIONAL_LONG,
    /** An {@code OptionalDouble}: its value when present. */
    OPTIONAL_DOUBLE;

    /**
     * Whether the generated code must check the value for null before converting it (a null
     * leaves the attribute out). {@link #DIRECT_NULLABLE} needs no check: OpenTelemetry itself
     * leaves out an attribute whose value is null.
     */
    public boolean needsNullCheck() {
      return this != DIRECT && this != DIRECT_NULLABLE && this != WIDEN_TO_LONG
          && this != WIDEN_TO_DOUBLE && this != CHAR_TO_STRING;
    }

    /** Whether converting runs code of the application: a {@code toString()} or an iterator. */
    public boolean runsApplicationCode() {
      return this == TO_STRING || isSequence();
    }

    /** Whether this reads an {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}. */
    public boolean isPrimitiveOptional() {
      return this == OPTIONAL_INT || this == OPTIONAL_LONG || this == OPTIONAL_DOUBLE;
    }

    /** Whether this converts an array or collection with a helper of {@code AttributeValues}. */
    public boolean isSequence() {
      return this == STRINGS || this == ENUM_NAMES || this == BOOLEANS || this == LONGS
          || this == DOUBLES;
    }
  }
}
