package dev.traced.processor.fuzz;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a generated aspect is lexically sound Java (the lexical grammar AspectJ shares):
 * the only checks that can be made without ajc, and the ones fuzzed text can break. The aspect
 * must be encodable in UTF-8 (no unpaired surrogate, which a UTF-8 writer turns into {@code ?});
 * after Java's translation of {@code \\uXXXX} escapes (which happens before anything else, inside
 * literals and comments too) every comment, string and character literal must be closed on its
 * line with valid escapes, every number literal must be one javac accepts and not octal (an
 * integer with a leading zero, which the writer never means), brackets must balance, it must
 * declare {@code aspect <name>}, and no two {@code static final} fields may share a name.
 */
public final class AspectCheck {

  private static final Pattern STATIC_FINAL_FIELD =
      Pattern.compile(
          "static\\s+final\\s+[^=;(){}]*?\\s"
              + "(\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)\\s*=");

  private AspectCheck() {}

  /** The problems of {@code text}, the aspect {@code aspectName}; empty when it is sound. */
  public static List<String> problems(String text, String aspectName) {
    List<String> problems = new ArrayList<>();
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(text)) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        boolean paired =
            Character.isHighSurrogate(c)
                ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : Character.isLowSurrogate(c)
                    && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1));
        if (Character.isSurrogate(c) && !paired) {
          problems.add(at(text, i, "an unpaired surrogate (U+" + hex(c) + ") written raw"));
          break;
        }
      }
    }
    String translated = translateUnicodeEscapes(text, problems);
    if (translated == null) {
      return problems;
    }
    String code = lex(translated, problems);
    if (code == null) {
      return problems;
    }
    Pattern declaration =
        Pattern.compile(
            "\\baspect\\s+" + Pattern.quote(aspectName) + "(?!\\p{javaJavaIdentifierPart})");
    if (!declaration.matcher(code).find()) {
      problems.add("no declaration \"aspect " + aspectName + "\"");
    }
    Set<String> fields = new HashSet<>();
    Matcher field = STATIC_FINAL_FIELD.matcher(code);
    while (field.find()) {
      if (!fields.add(field.group(1))) {
        problems.add(at(code, field.start(1), "a second static final field " + field.group(1)));
      }
    }
    return problems;
  }

  /** The implicit variables of AspectJ advice: a formal with one of these names is an error. */
  private static final Set<String> JOIN_POINT_VARIABLES =
      Set.of("thisJoinPoint", "thisJoinPointStaticPart", "thisEnclosingJoinPointStaticPart");

  private static final Pattern ADVICE_HEADER =
      Pattern.compile("\\baround\\s*\\(([^)]*)\\)");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import\\s+(?:static\\s+)?[\\w.]*?(\\w+)\\s*;");

  /**
   * Advice formals that ajc rejects or that break the advice: one named like an implicit
   * variable of AspectJ ({@code thisJoinPoint}, ...), and one named like a type that the aspect
   * imports or takes from {@code java.lang} while the code calls a static method through that
   * simple name ({@code String.valueOf(...)}, {@code TracedSpans.recordFailure(...)}): in the
   * advice the name then means the formal. Not part of {@link #problems}, for the processor
   * has these bugs (see {@code MalformedAttrsFuzzTest.KnownBugs}).
   */
  public static List<String> shadowingFormals(String text) {
    List<String> problems = new ArrayList<>();
    String translated = translateUnicodeEscapes(text, new ArrayList<>());
    String code = translated == null ? null : lex(translated, new ArrayList<>());
    if (code == null) {
      return problems;
    }
    Set<String> typeNames = new HashSet<>();
    Matcher imported = IMPORT.matcher(code);
    while (imported.find()) {
      typeNames.add(imported.group(1));
    }
    Matcher header = ADVICE_HEADER.matcher(code);
    while (header.find()) {
      for (String formal : splitFormals(header.group(1))) {
        String[] words = formal.strip().split("\\s+");
        String name = words[words.length - 1];
        if (name.isEmpty()) {
          continue;
        }
        boolean type = typeNames.contains(name) || isJavaLangType(name);
        boolean calledStatically =
            Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "\\s*\\.\\s*[a-z]\\w*\\s*\\(")
                .matcher(code)
                .find();
        if (JOIN_POINT_VARIABLES.contains(name)) {
          problems.add(at(code, header.start(), "an advice formal named " + name
              + ", an implicit variable of AspectJ advice"));
        } else if (type && calledStatically) {
          problems.add(at(code, header.start(), "an advice formal named " + name
              + ", which hides the type " + name + " that the aspect calls"));
        }
      }
    }
    return problems;
  }

  /** The formals of an advice header, split at the commas outside type arguments. */
  private static List<String> splitFormals(String formals) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < formals.length(); i++) {
      char c = formals.charAt(i);
      if (c == '<') {
        depth++;
      } else if (c == '>') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(formals.substring(start, i));
        start = i + 1;
      }
    }
    if (!formals.isBlank()) {
      parts.add(formals.substring(start));
    }
    return parts;
  }

  private static boolean isJavaLangType(String name) {
    try {
      Class.forName("java.lang." + name, false, AspectCheck.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * The text after Java's first translation step (JLS 3.3): a backslash preceded by an even
   * number of raw backslashes, then one or more {@code u}, then four hex digits, is that
   * character. Null (and a problem) when an escape is malformed, which javac rejects.
   */
  static String translateUnicodeEscapes(String text, List<String> problems) {
    StringBuilder out = new StringBuilder(text.length());
    int rawBackslashes = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean escape =
          c == '\\'
              && rawBackslashes % 2 == 0
              && i + 1 < text.length()
              && text.charAt(i + 1) == 'u';
      if (escape) {
        int j = i + 1;
        while (j < text.length() && text.charAt(j) == 'u') {
          j++;
        }
        if (j + 4 > text.length() || !text.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
          problems.add(at(text, i, "a malformed unicode escape"));
          return null;
        }
        out.append((char) Integer.parseInt(text.substring(j, j + 4), 16));
        rawBackslashes = 0;
        i = j + 4;
        continue;
      }
      rawBackslashes = c == '\\' ? rawBackslashes + 1 : 0;
      out.append(c);
      i++;
    }
    return out.toString();
  }

  /**
   * Lexes {@code text}; adds a problem for every unsound token. Returns the text with the insides
   * of comments and literals blanked out, for the checks on declarations; null after a problem
   * that leaves the rest unreadable.
   */
  static String lex(String text, List<String> problems) {
    StringBuilder code = new StringBuilder(text);
    Deque<Character> brackets = new ArrayDeque<>();
    Deque<Integer> bracketPositions = new ArrayDeque<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : '\0';
      if (c == '/' && next == '/') {
        int end = i;
        while (end < n && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
          end++;
        }
        blank(code, i, end);
        i = end;
      } else if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        if (end < 0) {
          problems.add(at(text, i, "a comment that is never closed"));
          return null;
        }
        blank(code, i, end + 2);
        i = end + 2;
      } else if (c == '"' && text.startsWith("\"\"\"", i)) {
        int end = textBlockEnd(text, i + 3);
        if (end < 0) {
          problems.add(at(text, i, "a text block that is never closed"));
          return null;
        }
        blank(code, i + 1, end - 1);
        i = end;
      } else if (c == '"' || c == '\'') {
        int end = quotedEnd(text, i, problems);
        if (end < 0) {
          return null;
        }
        blank(code, i + 1, end - 1);
        i = end;
      } else if (Character.isDigit(c) && c < 0x80
          || c == '.' && Character.isDigit(next) && next < 0x80) {
        int end = numberEnd(text, i);
        checkNumber(text, i, end, problems);
        i = end;
      } else if (Character.isJavaIdentifierStart(c)) {
        int end = i + 1;
        while (end < n && Character.isJavaIdentifierPart(text.charAt(end))) {
          end++;
        }
        i = end;
      } else {
        if (c == '(' || c == '[' || c == '{') {
          brackets.push(c);
          bracketPositions.push(i);
        } else if (c == ')' || c == ']' || c == '}') {
          char open = c == ')' ? '(' : c == ']' ? '[' : '{';
          if (brackets.isEmpty() || brackets.peek() != open) {
            problems.add(at(text, i, "an unmatched '" + c + "'"));
            return null;
          }
          brackets.pop();
          bracketPositions.pop();
        }
        i++;
      }
    }
    if (!brackets.isEmpty()) {
      problems.add(at(text, bracketPositions.peek(), "an unclosed '" + brackets.peek() + "'"));
      return null;
    }
    return code.toString();
  }

  /** The end (exclusive) of a string or char literal starting at {@code start}, or -1. */
  private static int quotedEnd(String text, int start, List<String> problems) {
    char quote = text.charAt(start);
    int i = start + 1;
    int characters = 0;
    while (true) {
      if (i >= text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
        problems.add(
            at(text, start, "a " + what(quote) + " literal that does not end on its line"));
        return -1;
      }
      char c = text.charAt(i);
      if (c == quote) {
        break;
      }
      if (c == '\\') {
        int escapeEnd = escapeEnd(text, i);
        if (escapeEnd < 0) {
          problems.add(at(text, i, "an invalid escape sequence in a " + what(quote) + " literal"));
          return -1;
        }
        i = escapeEnd;
      } else {
        i++;
      }
      characters++;
    }
    if (quote == '\'' && characters != 1) {
      problems.add(
          at(text, start, "a char literal of " + characters + " chars (it must hold exactly one)"));
      return -1;
    }
    return i + 1;
  }

  private static String what(char quote) {
    return quote == '"' ? "string" : "char";
  }

  /** The end of the escape sequence at {@code backslash}, or -1 if Java has no such escape. */
  private static int escapeEnd(String text, int backslash) {
    if (backslash + 1 >= text.length()) {
      return -1;
    }
    char c = text.charAt(backslash + 1);
    if ("btnfrs\"'\\".indexOf(c) >= 0) {
      return backslash + 2;
    }
    if (c >= '0' && c <= '7') {
      int max = c <= '3' ? 3 : 2;
      int end = backslash + 1;
      while (end < text.length() && end - backslash - 1 < max
          && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
        end++;
      }
      return end;
    }
    return -1;
  }

  /** The end of a text block whose content starts at {@code from}, or -1. */
  private static int textBlockEnd(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (text.startsWith("\"\"\"", i)) {
        return i + 3;
      } else {
        i++;
      }
    }
    return -1;
  }

  private static int numberEnd(String text, int start) {
    int i = start;
    boolean hex = text.startsWith("0x", start) || text.startsWith("0X", start);
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean exponent = hex ? c == 'p' || c == 'P' : c == 'e' || c == 'E';
      if (exponent && i + 1 < text.length() && "+-".indexOf(text.charAt(i + 1)) >= 0) {
        i += 2;
      } else if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
        i++;
      } else {
        break;
      }
    }
    return i;
  }

  private static final BigInteger INT_LIMIT = BigInteger.ONE.shiftLeft(31);
  private static final BigInteger LONG_LIMIT = BigInteger.ONE.shiftLeft(63);

  /** Adds a problem if {@code text[start, end)} is a number literal javac rejects or octal. */
  private static void checkNumber(String text, int start, int end, List<String> problems) {
    String token = text.substring(start, end);
    String digits = token.replace("_", "");
    String lower = digits.toLowerCase(java.util.Locale.ROOT);
    boolean negated = precededByMinus(text, start);
    try {
      if (lower.startsWith("0x") || lower.startsWith("0b")) {
        if (lower.startsWith("0x") && (lower.contains("p") || lower.contains("."))) {
          return; // a hexadecimal floating-point literal; the writer does not write those
        }
        boolean isLong = lower.endsWith("l");
        String body = lower.substring(2, lower.length() - (isLong ? 1 : 0));
        BigInteger value = new BigInteger(body, lower.startsWith("0x") ? 16 : 2);
        if (value.bitLength() > (isLong ? 64 : 32)) {
          problems.add(at(text, start, "the number " + token + " is too large for its type"));
        }
        return;
      }
      boolean floating =
          lower.contains(".") || lower.contains("e") || lower.endsWith("f") || lower.endsWith("d");
      if (floating) {
        boolean isFloat = lower.endsWith("f");
        boolean suffixed = lower.endsWith("f") || lower.endsWith("d");
        String body = suffixed ? lower.substring(0, lower.length() - 1) : lower;
        double value = isFloat ? Float.parseFloat(body) : Double.parseDouble(body);
        String mantissa = body.split("e", 2)[0];
        if (Double.isInfinite(value)) {
          problems.add(at(text, start, "the number " + token + " is too large for its type"));
        } else if (value == 0 && mantissa.matches(".*[1-9].*")) {
          problems.add(at(text, start, "the number " + token + " is too small and becomes 0"));
        }
        return;
      }
      boolean isLong = lower.endsWith("l");
      String body = isLong ? lower.substring(0, lower.length() - 1) : lower;
      if (body.length() > 1 && body.startsWith("0")) {
        problems.add(
            at(text, start, "the integer literal " + token + " starts with 0, so it is octal"));
        return;
      }
      BigInteger value = new BigInteger(body);
      BigInteger limit = isLong ? LONG_LIMIT : INT_LIMIT;
      int comparison = value.compareTo(limit);
      if (comparison > 0 || comparison == 0 && !negated) {
        problems.add(at(text, start, "the number " + token + " is too large for its type"));
      }
    } catch (NumberFormatException e) {
      problems.add(at(text, start, "\"" + token + "\" is not a number literal"));
    }
  }

  private static boolean precededByMinus(String text, int start) {
    int i = start - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == '-';
  }

  private static void blank(StringBuilder code, int from, int to) {
    for (int i = Math.max(from, 0); i < to && i < code.length(); i++) {
      if (code.charAt(i) != '\n') {
        code.setCharAt(i, ' ');
      }
    }
  }

  private static String hex(char c) {
    return String.format("%04X", (int) c);
  }

  /** "{@code what}, line N: the line" for position {@code index} of {@code text}. */
  private static String at(String text, int index, String what) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int lineEnd = text.indexOf('\n', lineStart);
    String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
    if (lineText.length() > 300) {
      lineText = lineText.substring(0, 300) + "...";
    }
    return what + ", line " + line + ": " + lineText.strip();
  }
}
