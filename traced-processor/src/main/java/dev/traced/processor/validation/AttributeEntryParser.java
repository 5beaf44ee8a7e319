package dev.traced.processor.validation;

import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.model.AttributeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Parses one {@code attrs} entry, {@code "key = value"}, on its own: it knows the grammar but
 * nothing of the method. The grammar is documented on {@code dev.traced.Traced}.
 */
final class AttributeEntryParser {

  /** Lower-case dot-separated segments, each starting with a letter. */
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL =
      Pattern.compile("-?([0-9]+\\.[0-9]*|\\.[0-9]+|[0-9]+)([eE][+-]?[0-9]+)?");

  /** A non-zero digit before any exponent: the number written is not zero. */
  private static final Pattern MANTISSA_NOT_ZERO = Pattern.compile("^[^eE]*[1-9]");

  private AttributeEntryParser() {}

  static AttributeEntry parse(String entry) {
    int equals = entry.indexOf('=');
    if (equals < 0) {
      return new AttributeEntry.Malformed(Message.MALFORMED_ATTRIBUTE, entry, "there is no \"=\"");
    }
    String key = entry.substring(0, equals).strip();
    String value = entry.substring(equals + 1).strip();
    if (key.isEmpty()) {
      return new AttributeEntry.Malformed(
          Message.MALFORMED_ATTRIBUTE, entry, "the key before \"=\" is missing");
    }
    if (value.isEmpty()) {
      return new AttributeEntry.Malformed(
          Message.MALFORMED_ATTRIBUTE, entry, "the value after \"=\" is missing");
    }
    if (!KEY.matcher(key).matches()) {
      return new AttributeEntry.Malformed(Message.INVALID_ATTRIBUTE_KEY, key, keyProblem(key));
    }
    return parseValue(key, value);
  }

  /** What is wrong with a key that does not match {@link #KEY}, in words. */
  static String keyProblem(String key) {
    String[] segments = key.split("\\.", -1);
    for (String segment : segments) {
      if (segment.isEmpty()) {
        return "it has an empty segment (a dot at the start or end, or two dots in a row)";
      }
    }
    if (!key.equals(key.toLowerCase(Locale.ROOT))) {
      String lower = key.toLowerCase(Locale.ROOT);
      return KEY.matcher(lower).matches()
          ? "it has upper-case letters; write \"" + lower + "\""
          : "it has upper-case letters";
    }
    for (int i = 0; i < key.length(); ) {
      int c = key.codePointAt(i);
      boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
      if (!allowed) {
        return "it contains " + describeCharacter(c);
      }
      i += Character.charCount(c);
    }
    for (String segment : segments) {
      if (!Character.isLetter(segment.charAt(0))) {
        return "segment \"" + segment + "\" does not start with a letter";
      }
    }
    return "it does not follow the naming rules";
  }

  private static String describeCharacter(int c) {
    if (Character.isWhitespace(c) || Character.isISOControl(c) || !Character.isDefined(c)
        || Character.getType(c) == Character.FORMAT) {
      return String.format(Locale.ROOT, "the invisible character U+%04X", c);
    }
    return "\"" + new String(Character.toChars(c)) + "\"";
  }

  private static AttributeEntry parseValue(String key, String value) {
    char first = value.charAt(0);
    if (first == '\'') {
      return parseString(key, value);
    }
    if (first == '"') {
      return new AttributeEntry.Malformed(
          Message.INVALID_LITERAL, value, "strings are written in single quotes, as 'text'");
    }
    if (value.equals("true") || value.equals("false")) {
      return parsed(key, Boolean.valueOf(value), AttributeType.BOOLEAN);
    }
    if (first == '-' || first == '.' || Character.isDigit(first)) {
      return parseNumber(key, value);
    }
    List<String> segments = splitPath(value);
    if (segments == null) {
      return new AttributeEntry.Malformed(Message.INVALID_VALUE, value);
    }
    return new AttributeEntry.Parsed(key, new AttributeEntry.Path(segments));
  }

  private static AttributeEntry parseString(String key, String value) {
    StringBuilder text = new StringBuilder();
    int i = 1;
    while (i < value.length()) {
      char c = value.charAt(i);
      if (c == '\'') {
        if (i + 1 < value.length() && value.charAt(i + 1) == '\'') {
          text.append('\'');
          i += 2;
          continue;
        }
        if (i + 1 != value.length()) {
          return new AttributeEntry.Malformed(
              Message.INVALID_LITERAL,
              value,
              "text follows the closing quote; write a quote inside a string as ''");
        }
        return parsed(key, text.toString(), AttributeType.STRING);
      }
      text.append(c);
      i++;
    }
    return new AttributeEntry.Malformed(
        Message.INVALID_LITERAL, value, "the string has no closing single quote");
  }

  private static AttributeEntry parseNumber(String key, String value) {
    if (INTEGER.matcher(value).matches()) {
      try {
        return parsed(key, Long.parseLong(value), AttributeType.LONG);
      } catch (NumberFormatException e) {
        return new AttributeEntry.Malformed(
            Message.INVALID_LITERAL,
            value,
            "it does not fit in a long (" + Long.MIN_VALUE + " to " + Long.MAX_VALUE + ")");
      }
    }
    if (DECIMAL.matcher(value).matches()) {
      double number = Double.parseDouble(value);
      if (Double.isInfinite(number)) {
        return new AttributeEntry.Malformed(
            Message.INVALID_LITERAL, value, "it is too large for a double");
      }
      if (number == 0 && MANTISSA_NOT_ZERO.matcher(value).find()) {
        return new AttributeEntry.Malformed(
            Message.INVALID_LITERAL, value, "it is too small for a double and would become 0");
      }
      return parsed(key, number, AttributeType.DOUBLE);
    }
    return new AttributeEntry.Malformed(
        Message.INVALID_LITERAL, value, "numbers are written as 42, -7, 1.5 or 1e3");
  }

  /** The dot-separated Java identifiers (or {@code return} first) of a path, or null. */
  private static List<String> splitPath(String value) {
    List<String> segments = new ArrayList<>();
    for (String segment : value.split("\\.", -1)) {
      boolean name = SourceVersion.isIdentifier(segment) && !SourceVersion.isKeyword(segment);
      boolean returnAtStart = segments.isEmpty() && segment.equals("return");
      if (!name && !returnAtStart) {
        return null;
      }
      segments.add(segment);
    }
    return segments;
  }

  private static AttributeEntry parsed(String key, Object literal, AttributeType type) {
    return new AttributeEntry.Parsed(key, new AttributeEntry.Literal(literal, type));
  }
}
