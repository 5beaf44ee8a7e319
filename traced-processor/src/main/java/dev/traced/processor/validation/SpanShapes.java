package dev.traced.processor.validation;

import dev.traced.processor.model.AttributeType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attribute types each span name has had so far in this compilation, so that two methods that
 * emit the same span name cannot disagree on the type of an attribute.
 */
public final class SpanShapes {

  /** The first use of a key under a span name: its type and the method that set it. */
  public record Conflict(AttributeType type, String method) {}

  private final Map<String, Map<String, Conflict>> firstUse = new HashMap<>();

  /**
   * Records that {@code method} sets {@code key} as {@code type} on span {@code spanName}; returns
   * the earlier use if that had another type.
   */
  public Optional<Conflict> add(String spanName, String key, AttributeType type, String method) {
    Map<String, Conflict> keys = firstUse.computeIfAbsent(spanName, name -> new HashMap<>());
    Conflict earlier = keys.putIfAbsent(key, new Conflict(type, method));
    return earlier == null || earlier.type() == type ? Optional.empty() : Optional.of(earlier);
  }
}
