package dev.traced.processor.model;

/** Java source text for constant values. */
public final class JavaLiterals {

  private JavaLiterals() {}

  /**
   * A string literal for {@code value}. Everything outside printable ASCII is escaped, so the
   * file reads the same in any source encoding. Control characters use octal escapes, never
   * {@code \\u}: javac turns {@code \\u000a} into a real line break before it reads the literal.
   */
  public static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\%03o", (int) c));
          } else if (c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
