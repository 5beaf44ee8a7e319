package dev.traced.processor.model;

import java.util.regex.Pattern;

/** Type names as messages and comments show them: without packages. */
public final class TypeNames {

  /** A lower-case package segment followed by a dot; type names start upper-case by convention. */
  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b[a-z][a-z0-9_]*\\.");

  private TypeNames() {}

  /**
   * {@code java.util.List<java.lang.String>} as {@code List<String>}, {@code a.Outer.Inner} as
   * {@code Outer.Inner}.
   */
  public static String withoutPackages(String typeName) {
    return PACKAGE_PREFIX.matcher(typeName).replaceAll("");
  }
}
