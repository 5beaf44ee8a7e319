package dev.traced.processor.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Random text for annotation strings: garbage, awkward Unicode, and Java source text that puts it
 * into a string literal (escaped where Java needs it, raw where it may be raw).
 */
final class Junk {

  /**
   * Code points that break naive text handling: controls, line and paragraph separators, Unicode
   * white space, bidirectional controls and right-to-left letters, zero-width characters, a byte
   * order mark, non-characters, combining marks, case-mapping oddities (dotted and dotless i,
   * sharp s), look-alikes of {@code = . '}, letters of other scripts, and characters outside the
   * Basic Multilingual Plane (surrogate pairs).
   */
  private static final int[] AWKWARD = {
    0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x1F, 0x7F, 0x85, 0xA0,
    0xAD, 0x2028, 0x2029, 0x2003, 0x3000, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A,
    0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0x2060, 0xFEFF,
    0xFFFD, 0xFFFE, 0xFFFF, 0xE000, 0x0301, 0x0130, 0x0131, 0xDF, 0x1E9E, 0x01C5, 0x0430,
    0x03B1, 0x05D0, 0x0627, 0x0661, 0x4E2D, 0xFF1D, 0xFF0E, 0x2024, 0x02BC, 0x2019, 0x201C,
    0x201D, 0x2215, 0x1F600, 0x1F468, 0x1D11E, 0x1F1FA, 0x1F1F8, 0x10FFFF, 0x1D7D8, 0x20000
  };

  /** Unpaired surrogates: legal in a Java string, not in any Unicode encoding. */
  private static final char[] LONE_SURROGATES = {'\uD800', '\uDBFF', '\uDC00', '\uDFFF'};

  /** ASCII that means something in the attrs grammar, in Java, or in message formats. */
  private static final String ASCII_SPECIAL = "=.'\"\\ _-+*/#@$%{}[]()<>,;:?!&|^~`0123456789";

  private final Random random;

  Junk(Random random) {
    this.random = random;
  }

  boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  int between(int lowInclusive, int highInclusive) {
    return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
  }

  @SafeVarargs
  final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  /** One awkward character (one or two chars). */
  String awkward() {
    if (chance(0.08)) {
      return String.valueOf(LONE_SURROGATES[random.nextInt(LONE_SURROGATES.length)]);
    }
    return new String(Character.toChars(AWKWARD[random.nextInt(AWKWARD.length)]));
  }

  /** A random BMP or supplementary character that is not a surrogate half. */
  String anyCharacter() {
    int codePoint;
    do {
      codePoint = chance(0.8) ? random.nextInt(0x10000) : random.nextInt(0x110000);
    } while (codePoint >= 0xD800 && codePoint <= 0xDFFF);
    return new String(Character.toChars(codePoint));
  }

  /** Garbage of up to {@code maxLength} characters, mixed from every kind above and ASCII. */
  String garbage(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 3) {
        out.append((char) ('a' + random.nextInt(26)));
      } else if (kind < 5) {
        out.append(ASCII_SPECIAL.charAt(random.nextInt(ASCII_SPECIAL.length())));
      } else if (kind < 6) {
        out.append((char) (0x20 + random.nextInt(0x5f)));
      } else if (kind < 9) {
        out.append(awkward());
      } else {
        out.append(anyCharacter());
      }
    }
    return out.toString();
  }

  /** White space of some kind, possibly none: ASCII, tabs, line breaks, Unicode spaces. */
  String space() {
    return switch (random.nextInt(12)) {
      case 0, 1, 2, 3 -> " ";
      case 4, 5 -> "";
      case 6 -> "  ";
      case 7 -> "\t";
      case 8 -> "\n";
      case 9 -> "\u00A0";
      case 10 -> "\u2003";
      default -> " \r\n\t ";
    };
  }

  /**
   * Java source text of a string literal whose value is {@code value}. Characters that Java does
   * not allow raw in a literal (quote, backslash, line breaks) are escaped; other controls use
   * {@code \\uXXXX} or octal escapes at random; other non-ASCII characters are raw or {@code
   * \\uXXXX} (sometimes {@code \\uuXXXX}, which Java also accepts) at random. A {@code \\u}
   * escape is never used for a line break, quote or backslash: Java translates it before it
   * reads the literal, so it would end or break the literal.
   */
  String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> {
          // After a lone high surrogate written as a unicode escape, javac (17 and 25) misreads
          // an escaped backslash followed by another unicode escape ("illegal escape
          // character"), though Java allows it; the octal escape of a backslash avoids that.
          boolean afterHighSurrogate = i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
          out.append(afterHighSurrogate || chance(0.1) ? "\\134" : "\\\\");
        }
        case '\n' -> out.append(chance(0.5) ? "\\n" : "\\012");
        case '\r' -> out.append(chance(0.5) ? "\\r" : "\\015");
        case '\t' -> out.append(chance(0.5) ? "\\t" : "\t");
        case ' ' -> out.append(chance(0.05) ? "\\s" : " ");
        default -> {
          boolean surrogate = Character.isSurrogate(c);
          boolean paired =
              Character.isHighSurrogate(c)
                  && i + 1 < value.length()
                  && Character.isLowSurrogate(value.charAt(i + 1));
          if (c < 0x20 || c == 0x7f) {
            out.append(chance(0.5) ? unicodeEscape(c) : String.format("\\%03o", (int) c));
          } else if (c < 0x7f) {
            out.append(c);
          } else if (surrogate && !paired && !Character.isLowSurrogate(c)) {
            out.append(unicodeEscape(c));
          } else if (surrogate && paired) {
            boolean raw = chance(0.5);
            out.append(raw ? String.valueOf(c) : unicodeEscape(c));
            char low = value.charAt(++i);
            out.append(raw ? String.valueOf(low) : unicodeEscape(low));
          } else if (surrogate) {
            out.append(unicodeEscape(c)); // a low surrogate on its own
          } else {
            out.append(chance(0.5) ? String.valueOf(c) : unicodeEscape(c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private String unicodeEscape(char c) {
    String us = chance(0.1) ? "uu" : "u";
    String hex = String.format("%04x", (int) c);
    return "\\" + us + (chance(0.5) ? hex : hex.toUpperCase(java.util.Locale.ROOT));
  }
}
