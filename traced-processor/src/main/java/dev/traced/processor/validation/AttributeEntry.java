package dev.traced.processor.validation;

import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.AttributeType;
import java.util.List;

/** One {@code attrs} entry after parsing, before it is checked against the method. */
sealed interface AttributeEntry {

  /** A well-formed {@code key = value}. */
  record Parsed(String key, Value value) implements AttributeEntry {}

  /** An entry that could not be parsed, and the diagnostic that says why. */
  record Malformed(Message message, List<Object> arguments) implements AttributeEntry {
    Malformed(Message message, Object... arguments) {
      this(message, List.of(arguments));
    }
  }

  /** The right-hand side of an entry. */
  sealed interface Value {}

  /** A literal: {@code 'text'}, {@code 42}, {@code 1.5}, {@code true}. */
  record Literal(Object value, AttributeType type) implements Value {}

  /** A name and property steps: {@code orderId}, {@code order.customer.id}, {@code return}. */
  record Path(List<String> segments) implements Value {
    public Path {
      segments = List.copyOf(segments);
    }

    String root() {
      return segments.get(0);
    }

    String text() {
      return String.join(".", segments);
    }
  }
}
