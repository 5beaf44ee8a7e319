package dev.traced.processor.model;

/** Where an attribute's value comes from. */
public sealed interface AttributeValue {

  /**
   * A constant written in the annotation.
   *
   * @param value a {@link String}, {@link Boolean}, {@link Long} or {@link Double}
   */
  record Literal(Object value) implements AttributeValue {}

  /**
   * The value of a parameter of the traced method when it is called.
   *
   * @param parameter the parameter's name
   * @param conversion how the parameter's value becomes the attribute's value
   */
  record ParameterValue(String parameter, Conversion conversion) implements AttributeValue {}

  /** How a Java value becomes an attribute value of its {@link AttributeType}. */
  enum Conversion {
    /** Already of the attribute's Java type, or a primitive that widens to it; never null. */
    DIRECT,
    /** A reference of the attribute's Java type ({@code String}, {@code Long}, ...); may be null. */
    DIRECT_NULLABLE,
    /** A primitive {@code float}, widened to {@code double}. */
    WIDEN_TO_DOUBLE,
    /** A boxed {@code Integer}, {@code Short} or {@code Byte}: {@code longValue()}. */
    UNBOX_TO_LONG,
    /** A boxed {@code Float}: {@code doubleValue()}. */
    UNBOX_TO_DOUBLE,
    /** A primitive {@code char}: a one-character string. */
    CHAR_TO_STRING,
    /** A {@code CharSequence} other than {@code String}, or a boxed {@code Character}. */
    TO_STRING,
    /** An enum constant: its {@code name()}. */
    ENUM_NAME;

    /**
     * Whether the generated code must check the value for null before converting it (a null
     * leaves the attribute out). {@link #DIRECT_NULLABLE} needs no check: OpenTelemetry itself
     * leaves out an attribute whose value is null.
     */
    public boolean needsNullCheck() {
      return this == UNBOX_TO_LONG || this == UNBOX_TO_DOUBLE || this == TO_STRING
          || this == ENUM_NAME;
    }
  }
}
