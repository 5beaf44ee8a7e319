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
  // Where @Traced may be used.
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

  // The span name.
  BLANK_SPAN_NAME(
      "blank-name",
      Diagnostic.Kind.ERROR,
      "The span name must not be blank. Give a name such as \"{0}\", or leave name out to use"
          + " that default."),
  UNTRIMMED_SPAN_NAME(
      "untrimmed-name",
      Diagnostic.Kind.ERROR,
      "The span name {0} starts or ends with whitespace, which backends show but users cannot"
          + " see or search for. Write {1}."),
  SPAN_NAME_CONFLICT(
      "span-name-conflict",
      Diagnostic.Kind.ERROR,
      "Span \"{0}\" already has attribute \"{1}\" of type {2} (in {3}), but here its value is"
          + " of type {4}. A span name must mean one set of attribute types, or queries and the"
          + " span catalogue contradict themselves: bind a {2} value, use another key, or give"
          + " this span another name."),

  // The form of an attrs entry.
  MALFORMED_ATTRIBUTE(
      "malformed-attribute",
      Diagnostic.Kind.ERROR,
      "Attribute \"{0}\" is not of the form \"key = value\": {1}. Example: \"shop.order.id ="
          + " orderId\"."),
  INVALID_ATTRIBUTE_KEY(
      "invalid-key",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a valid attribute key: {1}. OpenTelemetry keys are lower case, in"
          + " dot-separated segments of letters, digits and underscores that each start with a"
          + " letter, for example \"shop.order_id\"."),
  DUPLICATE_ATTRIBUTE_KEY(
      "duplicate-key",
      Diagnostic.Kind.ERROR,
      "Attribute key \"{0}\" is already set by \"{1}\"; a span has one value per key. Remove one"
          + " of the two, or give this one a different key."),
  RESERVED_KEY(
      "reserved-key",
      Diagnostic.Kind.ERROR,
      "Attribute key \"{0}\" is set by traced itself ({1}), so a value bound here would be"
          + " overwritten or contradicted. Use another key."),
  INVALID_LITERAL(
      "invalid-literal",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a valid literal: {1}."),
  INVALID_VALUE(
      "invalid-value",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is neither a literal nor a path. Write a parameter name or \"return\", optionally"
          + " followed by .property steps (order.customer.id), a string in single quotes"
          + " (''text''), a number (42, 1.5) or a boolean (true, false)."),

  // Paths: parameters, return, properties, types.
  UNKNOWN_PARAMETER(
      "unknown-parameter",
      Diagnostic.Kind.ERROR,
      "\"{0}\" is not a parameter of {1}. {2}"),
  RETURN_OF_VOID(
      "return-void",
      Diagnostic.Kind.ERROR,
      "\"{0}\" reads the return value, but {1} returns void. Bind a parameter or a literal."),
  RETURN_WITHOUT_VALUE(
      "return-without-value",
      Diagnostic.Kind.ERROR,
      "\"{0}\" reads the value the result completes with, but {1} returns {2}, which completes"
          + " with no single value (none, or a stream of them). Bind a parameter or a literal."),
  UNKNOWN_PROPERTY(
      "unknown-property",
      Diagnostic.Kind.ERROR,
      "\"{0}\": {1} has type {2}, which has no property \"{3}\". {4}"),
  UNREADABLE_PROPERTY(
      "unreadable-property",
      Diagnostic.Kind.ERROR,
      "\"{0}\": {1} cannot be read as a property: {2}."),
  STATEFUL_STEP(
      "stateful-step",
      Diagnostic.Kind.ERROR,
      "\"{0}\": {1}, and tracing must never change what {2} does. {3}"),
  UNSUPPORTED_TYPE(
      "unsupported-type",
      Diagnostic.Kind.ERROR,
      "\"{0}\" has type {1}, which is not an attribute type. {2}"),

  // Semantic conventions.
  SEMCONV_TYPE_MISMATCH(
      "semconv-type",
      Diagnostic.Kind.ERROR,
      "Attribute key \"{0}\" is defined by the OpenTelemetry semantic conventions as {1}, but"
          + " \"{2}\" gives a {3}. Bind a value of type {1}, or use a key in a namespace of your"
          + " own."),
  DEPRECATED_KEY(
      "deprecated-key",
      Diagnostic.Kind.WARNING,
      "Attribute key \"{0}\" is deprecated in the OpenTelemetry semantic conventions: {1} {2},"
          + " or add @SuppressWarnings(\"traced:deprecated-key\") to keep it."),

  // Sensitive data.
  SENSITIVE_VALUE(
      "sensitive-value",
      Diagnostic.Kind.ERROR,
      "\"{0}\" looks like it records {1} (\"{2}\" in \"{3}\"), and traces are stored and read"
          + " widely. Bind something else, or, if recording it is intended, say so with"
          + " allowSensitive = \"{0}\" on this @Traced."),
  UNKNOWN_ALLOWED_SENSITIVE(
      "unknown-allow-sensitive",
      Diagnostic.Kind.ERROR,
      "allowSensitive names \"{0}\", which is not a key in this method''s attrs. {1}"),
  NEEDLESS_ALLOWED_SENSITIVE(
      "needless-allow-sensitive",
      Diagnostic.Kind.WARNING,
      "allowSensitive names \"{0}\", but its value does not look sensitive, so no exception is"
          + " needed. Remove it from allowSensitive."),

  // Failures and span ends.
  UNDECLARED_EXPECTED(
      "undeclared-expected",
      Diagnostic.Kind.ERROR,
      "expected lists {0}, a checked exception that {1} does not declare, so it can never be"
          + " thrown here. Add it to the method''s throws clause, or remove it from expected."),
  NEEDLESS_EXPECTED(
      "needless-expected",
      Diagnostic.Kind.WARNING,
      "expected lists {0}, which is already covered by {1} in the same list. Remove it."),
  SPAN_ENDS_AT_RETURN(
      "span-ends-at-return",
      Diagnostic.Kind.WARNING,
      "{0} returns {1}, whose work may go on after the method returns, but its span ends at"
          + " return and will not cover that work: {2}. {3}, or add endAtReturn = true to this"
          + " @Traced to say that ending at return is intended."),
  NEEDLESS_END_AT_RETURN(
      "needless-end-at-return",
      Diagnostic.Kind.WARNING,
      "endAtReturn = true has no effect: {0} returns {1}, and its span ends at return anyway."
          + " Remove endAtReturn."),

  // Suppressions and options.
  INEFFECTIVE_SUPPRESSION(
      "ineffective-suppression",
      Diagnostic.Kind.WARNING,
      "@SuppressWarnings(\"{0}\") has no effect: {1}"),
  INVALID_OPTION(
      "invalid-option",
      Diagnostic.Kind.ERROR,
      "Processor option -A{0}={1} is not valid: write -A{0}=on or -A{0}=off."),

  // The span catalogue.
  CATALOGUE_WRITE_FAILED(
      "catalogue-write-failed",
      Diagnostic.Kind.ERROR,
      "traced could not write {0} in the class output: {1}. The span catalogue (or the removal"
          + " of an aspect whose class is gone) is incomplete; check that the output directory"
          + " is writable and has space, then rebuild."),

  // traced itself.
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

  /** The message whose {@link #id()} is {@code id}, if there is one. */
  public static java.util.Optional<Message> byId(String id) {
    for (Message message : values()) {
      if (message.id().equals(id)) {
        return java.util.Optional.of(message);
      }
    }
    return java.util.Optional.empty();
  }

  /** The message text for these arguments, prefixed with the id: {@code [traced:x] ...}. */
  public String format(Object... arguments) {
    return "[" + id() + "] " + new MessageFormat(template, Locale.ROOT).format(arguments);
  }
}
