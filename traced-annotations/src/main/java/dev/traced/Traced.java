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
 *             accessors directly. A step only reads: nothing is read from a value that is
 *             consumed or moved as it is read (an {@code Iterator}, {@code Stream}, {@code
 *             Spliterator}, {@code Enumeration}, {@code InputStream}, {@code Reader}, {@code
 *             Buffer}, {@code Channel}, {@code RandomGenerator}, or a subtype), and a step never
 *             calls a JDK method that changes, waits for or runs its receiver ({@code
 *             Queue.poll()}, {@code AtomicInteger.getAndIncrement()}, {@code Future.get()},
 *             {@code Supplier.get()}, {@code AutoCloseable.close()}, ...) or a method that
 *             overrides one. Either is a compile error, since tracing must never change what
 *             the method does;
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
 * <h2>Failures</h2>
 *
 * <p>An exception thrown by the method is recorded on the span as an exception event, the {@code
 * error.type} attribute (the exception's canonical class name) and status {@code ERROR} with a
 * short description (the first line of the message), and then rethrown unchanged. Exceptions
 * listed in {@link #expected()} are normal outcomes, such as "not found" from a lookup: they get
 * the exception event only, and the span keeps status {@code UNSET}.
 *
 * <h2>Async results</h2>
 *
 * <p>Whether the span ends when the method returns or when the work it returned completes is
 * decided at compile time from the declared return type:
 *
 * <ul>
 *   <li>{@code CompletionStage}, {@code CompletableFuture} and their subtypes: the span ends when
 *       the stage completes. Exceptional completion is recorded as a failure of its cause
 *       (unwrapped from {@code CompletionException}); cancellation as a {@code cancelled} event.
 *       The caller gets the very same stage back;
 *   <li>Project Reactor {@code Mono} and {@code Flux}, RxJava 3 {@code Single}, {@code Maybe},
 *       {@code Completable}, {@code Observable} and {@code Flowable}: the span is current while
 *       the returned publisher is subscribed, and ends on its first terminal signal (complete,
 *       error) or cancellation. The caller gets a publisher that emits exactly what the original
 *       does. A publisher that is never subscribed never ends its span;
 *   <li>anything else ends the span when the method returns. For {@code Future}, {@code Stream},
 *       {@code Iterator}, {@code Spliterator} and other publishers, whose work goes on after the
 *       return, that is a compile warning; say {@link #endAtReturn()} to confirm it.
 * </ul>
 *
 * <p>For a {@code CompletionStage<T>}, {@code Mono<T>}, {@code Single<T>} or {@code Maybe<T>},
 * {@code return} in {@link #attrs()} is the value it completes with.
 *
 * <h2>Source attributes</h2>
 *
 * <p>Every span also gets {@code code.function.name} (the method's qualified name), {@code
 * code.file.path} (its source file, relative to the source root) and {@code code.line.number},
 * all compile-time constants. The processor option {@code -Atraced.codeAttributes=off} leaves
 * them out.
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
   * Exceptions that are a normal outcome of the method rather than a failure, for example a
   * lookup's "not found". They are still recorded as an exception event, but the span is not
   * marked as failed: no status {@code ERROR}, no {@code error.type}. Subclasses count too. A
   * checked exception listed here must be one the method declares (or a subclass of one).
   */
  Class<? extends Throwable>[] expected() default {};

  /**
   * Starts a new trace instead of a child of the caller's span, with a span link to the caller's
   * span when there is one. For entry points such as batch jobs and queue consumers, whose work
   * should be a trace of its own.
   */
  boolean newTrace() default false;

  /**
   * Ends the span when the method returns, even when its return type stands for work that goes
   * on afterwards ({@code Future}, {@code Stream}, a publisher, a {@code CompletionStage}).
   * Without it, a return type whose span would end too early is a compile warning.
   */
  boolean endAtReturn() default false;

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
