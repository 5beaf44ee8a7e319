package dev.traced.processor.model;

import java.util.List;

/**
 * One {@code @Traced} method, checked, with everything the writers need and nothing from {@code
 * javax.lang.model}: types are source text, already erased, since pointcuts match on erasure.
 *
 * @param declaringType the canonical name of the class that declares the method ({@code
 *     a.Outer.Inner})
 * @param name the method's simple name
 * @param returnType the erased return type, as the pointcut matches it ({@code void}, {@code
 *     int}, {@code java.lang.Comparable})
 * @param adviceReturnType what the advice declares it returns: the erased return type, except
 *     {@code java.lang.Object} where ajc rejects the erasure of a type variable (a bound with
 *     type arguments) or of an array of parameterized types
 * @param returnTypeParameterized whether the declared return type has type arguments that
 *     erasure dropped ({@code List<T>}), which ajc warns about unless told it is intended
 * @param parameters the parameters, in order
 * @param varargs whether the last parameter is a varargs array
 * @param thrownTypes the erased types of the method's {@code throws} clause, in order
 * @param failureTypes what the advice catches to record a failure before rethrowing it: the
 *     thrown types with {@code RuntimeException} and {@code Error}, none a subtype of another
 * @param spanName the span name, never blank
 * @param spanKind the span kind
 * @param attributes the span attributes, in the order they were written
 * @param spanEnd when the span ends: at return, or when the async result it returned completes
 * @param expectedExceptions the erased exception types that {@code @Traced(expected = ...)}
 *     declares normal outcomes, in the order written
 * @param newTrace whether the span starts a new trace linked to the caller's span
 * @param sourceFile the method's source file relative to the source root ({@code
 *     shop/OrderService.java}), or null when the compiler does not say
 * @param line the line of the method's declaration, or 0 when the compiler does not say
 */
public record TracedMethod(
    String declaringType,
    String name,
    String returnType,
    String adviceReturnType,
    boolean returnTypeParameterized,
    List<Parameter> parameters,
    boolean varargs,
    List<String> thrownTypes,
    List<String> failureTypes,
    String spanName,
    SpanKind spanKind,
    List<SpanAttribute> attributes,
    SpanEnd spanEnd,
    List<String> expectedExceptions,
    boolean newTrace,
    String sourceFile,
    int line) {

  public TracedMethod {
    parameters = List.copyOf(parameters);
    thrownTypes = List.copyOf(thrownTypes);
    failureTypes = List.copyOf(failureTypes);
    attributes = List.copyOf(attributes);
    expectedExceptions = List.copyOf(expectedExceptions);
  }

  /** The method's qualified name, as {@code code.function.name} gives it: {@code a.Outer.run}. */
  public String functionName() {
    return declaringType + "." + name;
  }

  /** Whether the method returns nothing. */
  public boolean returnsVoid() {
    return returnType.equals("void");
  }

  /**
   * A method parameter.
   *
   * @param name the parameter's name in source
   * @param type its erased type; a varargs parameter has its array type ({@code java.lang.String[]})
   */
  public record Parameter(String name, String type) {}
}
