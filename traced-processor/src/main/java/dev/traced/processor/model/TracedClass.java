package dev.traced.processor.model;

import java.util.List;

/**
 * A class with at least one valid {@code @Traced} method, and the aspect generated for it.
 *
 * @param packageName the package of the class, empty for the default package
 * @param typeName the canonical name of the class, as source writes it ({@code a.Outer.Inner})
 * @param aspectName the simple name of the generated aspect, in the same package
 * @param methods the traced methods, in source order
 */
public record TracedClass(
    String packageName, String typeName, String aspectName, List<TracedMethod> methods) {

  public TracedClass {
    methods = List.copyOf(methods);
  }

  /** The aspect's name as source outside its package writes it. */
  public String qualifiedAspectName() {
    return packageName.isEmpty() ? aspectName : packageName + "." + aspectName;
  }
}
