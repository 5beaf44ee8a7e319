package dev.traced.processor.model;

import java.util.List;

/**
 * A top-level class with valid {@code @Traced} methods, in itself or its nested classes, and the
 * one aspect generated for all of them. One aspect per top-level class keeps aspect names unique:
 * {@code Outer_Traced} can only clash with a class the user named so.
 *
 * @param packageName the package of the class, empty for the default package
 * @param typeName the canonical name of the top-level class
 * @param aspectName the simple name of the generated aspect, in the same package
 * @param methods the traced methods, in source order, nested classes' methods where they appear
 */
public record TracedClass(
    String packageName, String typeName, String aspectName, List<TracedMethod> methods) {

  public TracedClass {
    methods = List.copyOf(methods);
  }
}
