package dev.traced.agentit;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One span as an exporter sent it, with the resource and instrumentation scope it came with. */
record ExportedSpan(Resource resource, InstrumentationScope scope, Span span) {

  String name() {
    return span.getName();
  }

  Span.SpanKind kind() {
    return span.getKind();
  }

  String traceId() {
    return HexFormat.of().formatHex(span.getTraceId().toByteArray());
  }

  String spanId() {
    return HexFormat.of().formatHex(span.getSpanId().toByteArray());
  }

  /** Empty for a root span. */
  String parentSpanId() {
    return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
  }

  /** Each attribute with its typed value: a string, int, double, bool or array {@link AnyValue}. */
  Map<String, AnyValue> attributes() {
    return attributes(span.getAttributesList());
  }

  /** A string attribute of the resource, or null. */
  String resourceAttribute(String key) {
    AnyValue value = attributes(resource.getAttributesList()).get(key);
    return value == null ? null : value.getStringValue();
  }

  static Map<String, AnyValue> attributes(List<KeyValue> keyValues) {
    Map<String, AnyValue> attributes = new LinkedHashMap<>();
    keyValues.forEach(keyValue -> attributes.put(keyValue.getKey(), keyValue.getValue()));
    return attributes;
  }

  static AnyValue string(String value) {
    return AnyValue.newBuilder().setStringValue(value).build();
  }

  static AnyValue integer(long value) {
    return AnyValue.newBuilder().setIntValue(value).build();
  }

  static AnyValue floating(double value) {
    return AnyValue.newBuilder().setDoubleValue(value).build();
  }

  static AnyValue bool(boolean value) {
    return AnyValue.newBuilder().setBoolValue(value).build();
  }

  @Override
  public String toString() {
    return "'" + name() + "' " + kind() + " scope=" + scope.getName() + " service="
        + resourceAttribute("service.name") + " trace=" + traceId() + " span=" + spanId()
        + " parent=" + parentSpanId();
  }
}
