package dev.traced.processor.diagnostics;

import java.text.MessageFormat;
import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic traced reports, in one place. Each states what is wrong and how to fix it;
 * {@code {0}}, {@code {1}}, ... are filled in with {@link MessageFormat} (so a literal quote is
 * written {@code ''}). The id is printed with the message, so a user can search for it in {@code
 * docs/diagnostics.md}.
 */
public enum Message {
  NO_BODY(
      "no-body",
      Diagnostic.Kind.ERROR,
      "@Traced needs a method with a Java body, and {0} is {1}. Put @Traced on the method that"
          + " {2} it."),
  LOCAL_OR_ANONYMOUS_CLASS(
      "local-class",
      Diagnostic.Kind.ERROR,
      "@Traced cannot trace {0}: it belongs to a local or anonymous class, which the generated"
          + " aspect cannot name. Move the method into a named top-level, member or nested class."),
  BLANK_SPAN_NAME(
      "blank-name",
      Diagnostic.Kind.ERROR,
      "The span name must not be blank. Give a name such as \"{0}\", or leave name out to use"
          + " that default."),
  MALFORMED_ATTRIBUTE(
      "malformed-attribute",
      Diagnostic.Kind.ERROR,
      "Attribute \"{0}\" is not of the form \"key = value\": {1}. Example: \"shop.order.id ="
          + " orderId\"."),
  INVALID_ATTRIBUTE_KEY(
      "invalid-key",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a valid attribute key: use lower-case letters, digits and underscores in"
          + " dot-separated segments that each start with a letter, for example \"shop.order_id\"."),
  DUPLICATE_ATTRIBUTE_KEY(
      "duplicate-key",
      Diagnostic.Kind.ERROR,
      "Attribute key \"{0}\" is already set by \"{1}\"; a span has one value per key. Remove one"
          + " of the two, or give this one a different key."),
  INVALID_LITERAL(
      "invalid-literal",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a valid literal: {1}."),
  INVALID_VALUE(
      "invalid-value",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is neither a literal nor a parameter name. Write the name of a parameter, a string"
          + " in single quotes (''text''), a number (42, 1.5) or a boolean (true, false)."),
  UNKNOWN_PARAMETER(
      "unknown-parameter",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a parameter of {1}. {2}"),
  UNSUPPORTED_PARAMETER_TYPE(
      "unsupported-type",
      Diagnostic.Kind.ERROR,
      "Parameter \"{0}\" has type {1}, which has no attribute type. Bind a parameter of type"
          + " String (or another CharSequence), boolean, byte, short, int, long, float, double,"
          + " char, an enum, or a boxed form of these."),
  PROPERTY_PATH_NOT_SUPPORTED(
      "path-not-supported",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is a property path, which this version of traced cannot bind yet. Bind a"
          + " parameter that holds the value instead."),
  RETURN_VALUE_NOT_SUPPORTED(
      "return-not-supported",
      Diagnostic.Kind.ERROR,
      "\"{0}\" refers to the return value, which this version of traced cannot bind yet. Bind a"
          + " parameter or a literal instead."),
  INTERNAL_ERROR(
      "internal-error",
      Diagnostic.Kind.ERROR,
      "traced failed on this element with {0}. This is a bug in traced; please report it with"
          + " this message and the source of the element.\n{1}");

  private final String id;
  private final Diagnostic.Kind kind;
  private final String template;

  Message(String id, Diagnostic.Kind kind, String template) {
    this.id = id;
    this.kind = kind;
    this.template = template;
  }

  /** The stable identifier of this diagnostic, as printed: {@code traced:unknown-parameter}. */
  public String id() {
    return "traced:" + id;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The message text for these arguments, prefixed with the id: {@code [traced:x] ...}. */
  public String format(Object... arguments) {
    return "[" + id() + "] " + new MessageFormat(template, Locale.ROOT).format(arguments);
  }
}
