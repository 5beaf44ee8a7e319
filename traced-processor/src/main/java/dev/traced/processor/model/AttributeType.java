package dev.traced.processor.model;

/** The OpenTelemetry attribute types a traced attribute can have. */
public enum AttributeType {
  STRING("String", "stringKey"),
  BOOLEAN("Boolean", "booleanKey"),
  LONG("Long", "longKey"),
  DOUBLE("Double", "doubleKey");

  private final String javaType;
  private final String keyFactory;

  AttributeType(String javaType, String keyFactory) {
    this.javaType = javaType;
    this.keyFactory = keyFactory;
  }

  /** The type argument of the matching {@code AttributeKey}: {@code AttributeKey<Long>}. */
  public String javaType() {
    return javaType;
  }

  /** The {@code AttributeKey} factory method that makes a key of this type. */
  public String keyFactory() {
    return keyFactory;
  }
}
