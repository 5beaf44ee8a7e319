package dev.traced.processor.model;

/** The OpenTelemetry attribute types a traced attribute can have. */
public enum AttributeType {
  STRING("String", "stringKey", "string"),
  BOOLEAN("Boolean", "booleanKey", "boolean"),
  LONG("Long", "longKey", "long"),
  DOUBLE("Double", "doubleKey", "double"),
  STRING_ARRAY("List<String>", "stringArrayKey", "string[]"),
  BOOLEAN_ARRAY("List<Boolean>", "booleanArrayKey", "boolean[]"),
  LONG_ARRAY("List<Long>", "longArrayKey", "long[]"),
  DOUBLE_ARRAY("List<Double>", "doubleArrayKey", "double[]");

  private final String javaType;
  private final String keyFactory;
  private final String displayName;

  AttributeType(String javaType, String keyFactory, String displayName) {
    this.javaType = javaType;
    this.keyFactory = keyFactory;
    this.displayName = displayName;
  }

  /** The type argument of the matching {@code AttributeKey}: {@code AttributeKey<Long>}. */
  public String javaType() {
    return javaType;
  }

  /** The {@code AttributeKey} factory method that makes a key of this type. */
  public String keyFactory() {
    return keyFactory;
  }

  /**
   * The type as the semantic conventions write it ({@code string}, {@code long}, {@code
   * string[]}), for messages and the catalogue.
   */
  public String displayName() {
    return displayName;
  }

  /** Whether values of this type are lists ({@code AttributeKey<List<...>>}). */
  public boolean isArray() {
    return javaType.startsWith("List<");
  }
}
