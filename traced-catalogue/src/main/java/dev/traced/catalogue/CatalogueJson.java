package dev.traced.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spans.json}: writes a {@link Catalogue} as JSON and reads it back. Hand-written so that
 * neither the processor nor the tool needs a JSON library: the output is fixed (keys in a fixed
 * order, two-space indentation, {@code \n} line ends, only {@code "} {@code \\} and control
 * characters escaped), so the same catalogue always gives the same bytes. The reader accepts any
 * JSON, ignores fields it does not know (a later minor addition) and rejects a newer {@code
 * version}. The schema is documented in docs/catalogue.md.
 */
public final class CatalogueJson {

  private CatalogueJson() {}

  public static String write(Catalogue catalogue) {
    StringBuilder out = new StringBuilder();
    out.append("{\n");
    out.append("  \"format\": ").append(string(Catalogue.FORMAT)).append(",\n");
    out.append("  \"version\": ").append(Catalogue.VERSION).append(",\n");
    out.append("  \"spans\": [");
    List<Catalogue.Span> spans = catalogue.spans();
    for (int i = 0; i < spans.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n");
      span(out, spans.get(i));
    }
    out.append(spans.isEmpty() ? "]\n" : "\n  ]\n");
    out.append("}\n");
    return out.toString();
  }

  private static void span(StringBuilder out, Catalogue.Span span) {
    String in = "      ";
    out.append("    {\n");
    out.append(in).append("\"id\": ").append(string(span.id())).append(",\n");
    out.append(in).append("\"name\": ").append(string(span.name())).append(",\n");
    out.append(in).append("\"kind\": ").append(string(span.kind())).append(",\n");
    out.append(in).append("\"class\": ").append(string(span.className())).append(",\n");
    out.append(in).append("\"method\": ").append(string(span.method())).append(",\n");
    out.append(in).append("\"source\": {\"file\": ").append(string(span.sourceFile()))
        .append(", \"line\": ").append(span.line()).append("},\n");
    out.append(in).append("\"description\": ").append(string(span.description())).append(",\n");
    out.append(in).append("\"end\": ").append(string(span.end())).append(",\n");
    out.append(in).append("\"newTrace\": ").append(span.newTrace()).append(",\n");
    out.append(in).append("\"expectedExceptions\": ").append(strings(span.expectedExceptions()))
        .append(",\n");
    out.append(in).append("\"attributes\": [");
    List<Catalogue.Attribute> attributes = span.attributes();
    for (int i = 0; i < attributes.size(); i++) {
      Catalogue.Attribute a = attributes.get(i);
      out.append(i == 0 ? "\n" : ",\n");
      out.append(in).append("  {\"key\": ").append(string(a.key()))
          .append(", \"type\": ").append(string(a.type()))
          .append(", \"from\": ").append(string(a.from()))
          .append(", \"value\": ").append(string(a.value()))
          .append(", \"optional\": ").append(a.optional())
          .append(", \"semconv\": ").append(string(a.semconv()));
      if (!a.deprecation().isEmpty()) {
        out.append(", \"deprecation\": ").append(string(a.deprecation()));
      }
      out.append("}");
    }
    out.append(attributes.isEmpty() ? "],\n" : "\n" + in + "],\n");
    out.append(in).append("\"children\": ").append(strings(span.children())).append("\n");
    out.append("    }");
  }

  private static String strings(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(values.get(i)));
    }
    return out.append("]").toString();
  }

  /** A JSON string; non-ASCII characters stay as they are (the file is UTF-8). */
  static String string(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          // U+2028 and U+2029 are escaped too: valid JSON, but they break JavaScript readers.
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Reads a catalogue written by {@link #write} (of this or an older version). */
  public static Catalogue read(String json) {
    Object root = new Parser(json).document();
    Map<String, Object> object = object(root, "the catalogue");
    if (!Catalogue.FORMAT.equals(object.get("format"))) {
      throw new IllegalArgumentException(
          "not a span catalogue: \"format\" is not \"" + Catalogue.FORMAT + "\"");
    }
    long version = number(object.get("version"), "version");
    if (version > Catalogue.VERSION) {
      throw new IllegalArgumentException(
          "catalogue version " + version + " is newer than this tool reads ("
              + Catalogue.VERSION + "); use a newer traced-catalogue");
    }
    List<Catalogue.Span> spans = new ArrayList<>();
    for (Object item : list(object.get("spans"), "spans")) {
      spans.add(span(object(item, "a span")));
    }
    return new Catalogue(spans);
  }

  private static Catalogue.Span span(Map<String, Object> span) {
    Map<String, Object> source = object(span.getOrDefault("source", Map.of()), "source");
    List<Catalogue.Attribute> attributes = new ArrayList<>();
    for (Object item : list(span.getOrDefault("attributes", List.of()), "attributes")) {
      Map<String, Object> a = object(item, "an attribute");
      attributes.add(
          new Catalogue.Attribute(
              text(a, "key"),
              text(a, "type"),
              text(a, "from"),
              text(a, "value"),
              Boolean.TRUE.equals(a.get("optional")),
              a.containsKey("semconv") ? text(a, "semconv") : "none",
              a.containsKey("deprecation") ? text(a, "deprecation") : ""));
    }
    return new Catalogue.Span(
        text(span, "id"),
        text(span, "name"),
        text(span, "kind"),
        text(span, "class"),
        text(span, "method"),
        source.containsKey("file") ? text(source, "file") : "",
        source.containsKey("line") ? (int) number(source.get("line"), "line") : 0,
        span.containsKey("description") ? text(span, "description") : "",
        span.containsKey("end") ? text(span, "end") : "RETURN",
        Boolean.TRUE.equals(span.get("newTrace")),
        texts(span.getOrDefault("expectedExceptions", List.of()), "expectedExceptions"),
        attributes,
        texts(span.getOrDefault("children", List.of()), "children"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String what) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException(what + " is not a JSON object");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value, String what) {
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw new IllegalArgumentException("\"" + what + "\" is not a JSON array");
  }

  private static List<String> texts(Object value, String what) {
    List<String> texts = new ArrayList<>();
    for (Object item : list(value, what)) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException("\"" + what + "\" holds a value that is not a string");
      }
      texts.add(s);
    }
    return texts;
  }

  private static String text(Map<String, Object> object, String key) {
    if (object.get(key) instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
  }

  private static long number(Object value, String what) {
    if (value instanceof Long n) {
      return n;
    }
    throw new IllegalArgumentException("\"" + what + "\" is missing or not an integer");
  }

  /** A small recursive-descent JSON parser: objects, arrays, strings, numbers, literals. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    Object document() {
      Object value = value();
      skipSpace();
      if (at != text.length()) {
        throw error("unexpected text after the JSON value");
      }
      return value;
    }

    private Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw error("unexpected end of input");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{':
          return object();
        case '[':
          return array();
        case '"':
          return string();
        case 't':
          return literal("true", Boolean.TRUE);
        case 'f':
          return literal("false", Boolean.FALSE);
        case 'n':
          return literal("null", null);
        default:
          if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
          }
          throw error("unexpected character '" + c + "'");
      }
    }

    private Map<String, Object> object() {
      Map<String, Object> object = new LinkedHashMap<>();
      at++; // {
      skipSpace();
      if (peek() == '}') {
        at++;
        return object;
      }
      while (true) {
        skipSpace();
        if (peek() != '"') {
          throw error("expected a field name");
        }
        String key = string();
        skipSpace();
        expect(':');
        object.put(key, value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect('}');
          return object;
        }
      }
    }

    private List<Object> array() {
      List<Object> array = new ArrayList<>();
      at++; // [
      skipSpace();
      if (peek() == ']') {
        at++;
        return array;
      }
      while (true) {
        array.add(value());
        skipSpace();
        if (peek() == ',') {
          at++;
        } else {
          expect(']');
          return array;
        }
      }
    }

    private String string() {
      at++; // "
      StringBuilder out = new StringBuilder();
      while (true) {
        if (at >= text.length()) {
          throw error("unterminated string");
        }
        char c = text.charAt(at++);
        if (c == '"') {
          return out.toString();
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        if (at >= text.length()) {
          throw error("unterminated string");
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case '"', '\\', '/' -> out.append(escape);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw error("short \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw error("bad \\u escape");
            }
            at += 4;
          }
          default -> throw error("bad escape \\" + escape);
        }
      }
    }

    private Object number() {
      int start = at;
      while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      String number = text.substring(start, at);
      try {
        if (number.contains(".") || number.contains("e") || number.contains("E")) {
          return Double.parseDouble(number);
        }
        return Long.parseLong(number);
      } catch (NumberFormatException e) {
        throw error("bad number " + number);
      }
    }

    private Object literal(String word, Object value) {
      if (!text.startsWith(word, at)) {
        throw error("unexpected text");
      }
      at += word.length();
      return value;
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }

    private IllegalArgumentException error(String message) {
      return new IllegalArgumentException("invalid JSON at offset " + at + ": " + message);
    }
  }
}
