package dev.traced.processor.catalogue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The summary of a Javadoc comment: its first sentence, as plain text on one line. */
final class Javadoc {

  /** {@code {@code x}}, {@code {@link a.B#c label}}, {@code {@literal x}} ... */
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(\\w+)\\s*([^{}]*)}");

  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private Javadoc() {}

  /**
   * The first sentence of {@code comment} (as {@code Elements.getDocComment} returns it), with
   * block tags dropped, inline tags reduced to their text, HTML tags removed and whitespace
   * collapsed; empty for a null or blank comment.
   */
  static String summary(String comment) {
    if (comment == null) {
      return "";
    }
    StringBuilder body = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      if (line.strip().startsWith("@")) {
        break; // the block tags (@param, @return ...) come after the description
      }
      body.append(line).append(' ');
    }
    String text = inlineTags(body.toString());
    text = HTML_TAG.matcher(text).replaceAll("");
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    text = text.replaceAll("\\s+", " ").strip();
    // The first sentence ends at a period followed by white space, as the javadoc tool decides.
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  private static String inlineTags(String text) {
    // Inline tags may nest ({@link A {@code b}} is rare but legal): reduce innermost first.
    String previous;
    do {
      previous = text;
      Matcher m = INLINE_TAG.matcher(text);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String tag = m.group(1);
        String argument = m.group(2).strip();
        String replacement = argument;
        if (tag.equals("link") || tag.equals("linkplain")) {
          // {@link a.B#c(int) label} shows the label, else the reference without its package
          int space = argument.indexOf(' ');
          replacement = space < 0
              ? argument.replaceFirst("^([a-z][a-z0-9_]*\\.)*", "").replace('#', '.')
              : argument.substring(space + 1).strip();
          if (replacement.startsWith(".")) {
            replacement = replacement.substring(1);
          }
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      text = out.toString();
    } while (!text.equals(previous));
    return text;
  }
}
