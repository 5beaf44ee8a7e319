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
 *       underscores, in dot-separated namespaces ({@code http.request.method}, {@code shop.order.id}).
 *       Each key may appear once per method.
 *   <li><b>value</b> is either a literal or the name of one of the method's parameters:
 *       <ul>
 *         <li>{@code 'text'} &mdash; a string (single quotes; write {@code ''} for a quote inside);
 *         <li>{@code 42}, {@code -7} &mdash; a long;
 *         <li>{@code 1.5}, {@code -0.25}, {@code 1e3} &mdash; a double;
 *         <li>{@code true}, {@code false} &mdash; a boolean;
 *         <li>{@code orderId} &mdash; the value of parameter {@code orderId} when the method is
 *             called. Its declared type decides the attribute type: {@code String} or any {@code
 *             CharSequence} as a string; {@code boolean} as a boolean; {@code byte}, {@code short},
 *             {@code int}, {@code long} as a long; {@code float}, {@code double} as a double;
 *             {@code char} as a one-character string; an enum as its {@code name()}; the boxed
 *             forms of these too. A {@code null} value leaves the attribute out.
 *       </ul>
 * </ul>
 *
 * <p>Whitespace around the {@code =} is optional. Anything else &mdash; an unknown parameter, a
 * parameter of another type, a malformed entry, a repeated key &mdash; is a compile error on the
 * offending entry that says what to write instead.
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
