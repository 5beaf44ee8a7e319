package dev.traced.processor.model;

/** The span kinds, named as in both {@code Traced.Kind} and OpenTelemetry's {@code SpanKind}. */
public enum SpanKind {
  INTERNAL,
  SERVER,
  CLIENT,
  PRODUCER,
  CONSUMER
}
