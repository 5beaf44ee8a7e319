package dev.traced.catalogue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The catalogue tool:
 *
 * <pre>
 * java -jar traced-catalogue.jar show [--format table|markdown|json|tree|mermaid] PATH
 * java -jar traced-catalogue.jar diff OLD NEW
 * java -jar traced-catalogue.jar verify CLASSES
 * </pre>
 *
 * PATH, OLD and NEW are each a jar, a classes directory, a {@code spans.json} file or a class
 * path of those; CLASSES is a classes directory. {@code show} prints the merged catalogue as a
 * table (the default), the Markdown of {@code spans.md}, JSON, the span tree ({@code --tree} is
 * short for {@code --format tree}) or the same calls as a Mermaid flowchart ({@code mermaid}).
 * Exit status: 0 when all went well, 1 when {@code diff} found a breaking change or {@code
 * verify} a traced method that was not woven, 2 on a usage error or a catalogue that cannot be
 * found or read.
 */
public final class Main {

  public static final int OK = 0;
  public static final int BREAKING = 1;
  public static final int UNWOVEN = 1;
  public static final int USAGE = 2;

  private static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar traced-catalogue.jar show [--format table|markdown|json|tree|mermaid] PATH",
      "       java -jar traced-catalogue.jar diff OLD NEW",
      "       java -jar traced-catalogue.jar verify CLASSES",
      "PATH, OLD, NEW: a jar, a classes directory, a spans.json file, or a class path of those.",
      "show --tree is show --format tree; mermaid prints the same calls as a Mermaid flowchart.",
      "diff exits with 1 when a change breaks readers of the telemetry (span removed or renamed,",
      "kind changed, attribute removed or retyped), 0 otherwise; 2 means a usage error.",
      "verify exits with 1 when a @Traced method in the classes directory CLASSES (after the",
      "weave, such as target/classes) was not woven, 0 when all were.");

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the tool; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      (args.length == 0 ? err : out).println(USAGE_TEXT);
      return args.length == 0 ? USAGE : OK;
    }
    try {
      switch (args[0]) {
        case "show":
          return show(args, out, err);
        case "diff":
          return diff(args, out, err);
        case "verify":
          return verify(args, out, err);
        default:
          err.println("unknown command \"" + args[0] + "\"\n" + USAGE_TEXT);
          return USAGE;
      }
    } catch (CatalogueLoader.LoadException e) {
      err.println("error: " + e.getMessage());
      return USAGE;
    }
  }

  private static int show(String[] args, PrintStream out, PrintStream err)
      throws CatalogueLoader.LoadException {
    String format = "table";
    String path = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--format") && i + 1 < args.length) {
        format = args[++i];
      } else if (arg.startsWith("--format=")) {
        format = arg.substring("--format=".length());
      } else if (arg.equals("--tree")) {
        format = "tree";
      } else if (arg.startsWith("-") || path != null) {
        err.println("unexpected argument \"" + arg + "\"\n" + USAGE_TEXT);
        return USAGE;
      } else {
        path = arg;
      }
    }
    if (path == null) {
      err.println("show needs a PATH\n" + USAGE_TEXT);
      return USAGE;
    }
    Catalogue catalogue = CatalogueLoader.load(path);
    switch (format) {
      case "table" -> out.print(CatalogueText.table(catalogue));
      case "markdown" -> out.print(CatalogueText.markdown(catalogue));
      case "json" -> out.print(CatalogueJson.write(catalogue));
      case "tree" -> out.print(CatalogueText.tree(catalogue, false));
      case "mermaid" -> out.print(CatalogueText.mermaid(catalogue, false));
      default -> {
        err.println(
            "unknown format \"" + format + "\": use table, markdown, json, tree or mermaid");
        return USAGE;
      }
    }
    return OK;
  }

  private static int diff(String[] args, PrintStream out, PrintStream err)
      throws CatalogueLoader.LoadException {
    if (args.length != 3) {
      err.println("diff needs OLD and NEW\n" + USAGE_TEXT);
      return USAGE;
    }
    List<CatalogueDiff.Change> changes =
        CatalogueDiff.diff(CatalogueLoader.load(args[1]), CatalogueLoader.load(args[2]));
    long breaking = changes.stream().filter(c -> c.kind().breaking()).count();
    for (CatalogueDiff.Change change : changes) {
      out.println((change.kind().breaking() ? "BREAKING  " : "added     ") + change.message());
    }
    out.println(breaking + " breaking " + (breaking == 1 ? "change" : "changes") + ", "
        + (changes.size() - breaking) + " " + (changes.size() - breaking == 1 ? "addition" : "additions"));
    return breaking > 0 ? BREAKING : OK;
  }

  private static int verify(String[] args, PrintStream out, PrintStream err)
      throws CatalogueLoader.LoadException {
    if (args.length != 2 || !Files.isDirectory(Path.of(args[1]))) {
      err.println("verify needs a classes directory\n" + USAGE_TEXT);
      return USAGE;
    }
    Path classes = Path.of(args[1]);
    Catalogue catalogue = Files.isRegularFile(classes.resolve(Catalogue.JSON_FILE))
        ? CatalogueLoader.load(args[1])
        : new Catalogue(List.of());
    WeaveCheck.Result result;
    try {
      result = WeaveCheck.check(classes, catalogue);
    } catch (IOException e) {
      throw new CatalogueLoader.LoadException(e.getMessage());
    }
    for (WeaveCheck.Unwoven method : result.unwoven()) {
      err.println("NOT WOVEN  " + method.describe());
    }
    out.println(result.unwoven().size() + " of " + result.tracedMethods()
        + " traced methods not woven");
    return result.unwoven().isEmpty() ? OK : UNWOVEN;
  }
}
