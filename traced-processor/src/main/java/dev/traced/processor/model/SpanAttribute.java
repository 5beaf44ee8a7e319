package dev.traced.processor.model;

/**
 * One attribute of a span.
 *
 * @param key the attribute key, a valid OpenTelemetry attribute name
 * @param type the attribute's OpenTelemetry type
 * @param value where its value comes from
 */
public record SpanAttribute(String key, AttributeType type, AttributeValue value) {}
