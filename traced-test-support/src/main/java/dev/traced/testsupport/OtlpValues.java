package dev.traced.testsupport;

import io.opentelemetry.proto.common.v1.AnyValue;

/**
 * Typed OTLP attribute values to compare received attributes with: {@code string("web")} is not
 * {@code integer(...)}, so an attribute that arrived with the wrong type fails the comparison.
 */
public final class OtlpValues {

  private OtlpValues() {}

  public static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  public static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  public static AnyValue floating(double value) {
    return AnyValue.newBuilder().setDoubleValue(value).build();
  }

  public static AnyValue bool(boolean value) {
    return AnyValue.newBuilder().setBoolValue(value).build();
  }
}
