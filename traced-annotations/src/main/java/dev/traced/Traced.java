package dev.traced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method inside an OpenTelemetry span.
 *
 * <p>The {@code traced-processor} annotation processor checks every use at compile time and
 * generates an AspectJ aspect for it; {@code aspectj-maven-plugin} weaves that aspect into the
 * compiled class. At run time the method runs inside a span that is current for its whole body;
 * a thrown exception is recorded on the span (exception event, status {@code ERROR}) and rethrown
 * unchanged; the span ends exactly once. Nothing is looked up by reflection, and the annotation
 * itself is not retained at run time.
 *
 * <pre>{@code
 * @Traced(name = "checkout", kind = Traced.Kind.SERVER,
 *         attrs = {"shop.order.id = orderId", "shop.items = count", "shop.channel = 'web'"})
 * Receipt checkout(String orderId, int count) { ... }
 * }</pre>
 *
 * <h2>Attributes</h2>
 *
 * <p>Each entry of {@link #attrs()} is a string {@code "key = value"}:
 *
 * <ul>
 *   <li><b>key</b> is an OpenTelemetry attribute name: lower case letters, digits and
 *       underscores, in dot-separated segments that each start with a letter ({@code
 *       http.request.method}, {@code shop.order_id}). Each key may appear once per method. A key
 *       that the OpenTelemetry semantic conventions define must get a value of the type they
 *       define; a deprecated one is a warning that names its replacement.
 *   <li><b>value</b> is a literal or a path:
 *       <ul>
 *         <li>{@code 'text'} &mdash; a string (single quotes; write {@code ''} for a quote inside);
 *         <li>{@code 42}, {@code -7} &mdash; a long;
 *         <li>{@code 1.5}, {@code -0.25}, {@code 1e3} &mdash; a double;
 *         <li>{@code true}, {@code false} &mdash; a boolean;
 *         <li>{@code orderId} &mdash; a parameter's value when the method is called;
 *         <li>{@code order.customer.id} &mdash; a parameter followed by property steps. Each step
 *             is resolved at compile time, in this order, to a record component or a no-argument
 *             method {@code id()}, a getter {@code getId()} (or {@code isId()} for a boolean),
 *             or a field {@code id} that the traced class can read. The generated code calls the
 *             accessors directly;
 *         <li>{@code return}, {@code return.total} &mdash; the return value and its properties,
 *             set when the method returns normally (never when it throws).
 *       </ul>
 * </ul>
 *
 * <p>The type of the value decides the attribute type: {@code String} or any {@code
 * CharSequence} a string; {@code boolean} a boolean; {@code byte}, {@code short}, {@code int},
 * {@code long} a long; {@code float}, {@code double} a double; {@code char} a one-character
 * string; an enum its {@code name()}; the boxed forms of these too. {@code Optional} of these and
 * {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble} give their content, and an
 * empty one leaves the attribute out. Arrays and {@code Collection}s of these become array
 * attributes ({@code string[]}, {@code long[]}, ...), without their null elements.
 *
 * <p>A {@code null} anywhere on a path leaves the attribute out; an accessor that throws leaves
 * it out too, and the exception never reaches the traced method. Whitespace around the {@code =}
 * is optional. Anything else &mdash; an unknown parameter or property, a value of another type,
 * a malformed entry, a repeated key &mdash; is a compile error on the offending entry that says
 * what to write instead (with a "did you mean" for misspelled names).
 *
 * <h2>Sensitive data</h2>
 *
 * <p>A path or key that looks like a secret or personal data ({@code password}, {@code token},
 * {@code authorization}, {@code cookie}, {@code email}, {@code phone}, {@code ssn}, {@code
 * credit card}, ...) is a compile error, because traces are stored and read far more widely than
 * the data they come from. When recording it is intended, list its key in {@link
 * #allowSensitive()}.
 *
 * <h2>Where it applies</h2>
 *
 * <p>Any method with a body: instance, static, private or final methods, of top-level, nested or
 * inner classes, enums, records, and interface {@code default}, {@code static} or {@code private}
 * methods; generic methods, varargs, checked exceptions. It is a compile error on abstract and
 * native methods, and on methods of local or anonymous classes (the aspect cannot name them).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Traced {

  /**
   * The span name. Defaults to {@code SimpleClassName.methodName}. It is a compile-time constant,
   * so a span name never carries request data; put such data in {@link #attrs()}.
   */
  String name() default "";

  /** The span kind; {@link Kind#INTERNAL} unless the method is an entry or exit point. */
  Kind kind() default Kind.INTERNAL;

  /**
   * Span attributes, each {@code "key = value"}; see the class documentation for the grammar.
   * Example: {@code {"shop.order.id = orderId", "shop.channel = 'web'"}}.
   */
  String[] attrs() default {};

  /**
   * Keys of {@link #attrs()} whose values are recorded on purpose although their key or path
   * looks like a secret or personal data ({@code password}, {@code token}, {@code email}, {@code
   * phone}, ...). Without it such an attribute is a compile error, since traces are stored and
   * read far more widely than the data they come from. Example: {@code attrs = "enduser.email =
   * user.email", allowSensitive = "enduser.email"}.
   */
  String[] allowSensitive() default {};

  /**
   * The kinds of span, mirroring OpenTelemetry's {@code SpanKind} (this module has no
   * dependencies, so it cannot use that type directly).
   */
  enum Kind {
    /** An operation inside the application; the default. */
    INTERNAL,
    /** Handles a synchronous request from a remote client. */
    SERVER,
    /** Makes a synchronous request to a remote service. */
    CLIENT,
    /** Hands a message to a broker or queue for later processing. */
    PRODUCER,
    /** Processes a message received from a broker or queue. */
    CONSUMER
  }
}
