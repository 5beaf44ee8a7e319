import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies traced's generated aspects with every advice body cut down to its {@code proceed}: the
 * same aspects, pointcuts and argument bindings, none of the span code. What ajc then costs is
 * AspectJ's floor for that many around advices. Run with the JDK 17+ source launcher:
 *
 * <pre>
 * java EmptyAdvice.java OUT ASPECT.aj...
 * </pre>
 *
 * Each aspect is written to OUT under its own file name.
 */
public class EmptyAdvice {

  /** An advice's head, from its return type to the {@code args(...)} binding and the brace. */
  private static final Pattern ADVICE = Pattern.compile(
      "\\n  ([\\w.<>\\[\\], ?]+) around\\((?s:.*?)execution\\((?s:.*?)\\{\\n");

  private static final Pattern ARGS = Pattern.compile("&& args\\(([^)]*)\\)");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    for (int i = 1; i < args.length; i++) {
      Path aspect = Path.of(args[i]);
      Files.writeString(out.resolve(aspect.getFileName()), empty(Files.readString(aspect)));
    }
  }

  static String empty(String source) {
    StringBuilder result = new StringBuilder();
    Matcher advice = ADVICE.matcher(source);
    int done = 0;
    while (advice.find(done)) {
      int bodyStart = advice.end();
      int bodyEnd = closingBrace(source, bodyStart);
      Matcher bound = ARGS.matcher(advice.group());
      String arguments = bound.find() ? bound.group(1) : "";
      String body = advice.group(1).equals("void")
          ? "    proceed(" + arguments + ");\n    return;\n"
          : "    return proceed(" + arguments + ");\n";
      result.append(source, done, bodyStart).append(body).append("  }");
      done = bodyEnd + 1;
    }
    return result.append(source.substring(done)).toString();
  }

  /** The index of the brace that closes the block whose body starts at {@code from}. */
  private static int closingBrace(String source, int from) {
    int depth = 1;
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unbalanced braces");
  }
}
