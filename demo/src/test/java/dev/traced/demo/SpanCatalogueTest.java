package dev.traced.demo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.catalogue.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The span catalogue this build wrote into target/classes/META-INF/traced, read by the catalogue
 * tool as a user runs it ({@code show --tree}, {@code show --format mermaid}): the Mermaid diagram
 * has the spans and the calls the span tree has, and spans.md carries the diagram.
 */
class SpanCatalogueTest {

  private static final Path CLASSES = Path.of("target", "classes");

  /** A tree line: the indent, the branch (none on a root), the span name and its kind. */
  private static final Pattern TREE_LINE =
      Pattern.compile("^((?:[│ ]   )*)([├└]── )?(.+?) \\[([A-Z]+)]  .*$");
  private static final Pattern NODE = Pattern.compile("^  (n\\d+)\\[\"(.+?)<br>([A-Z]+)(?:<br>.*)?\"]$");
  private static final Pattern ARROW = Pattern.compile("^  (n\\d+) --> (n\\d+)$");

  @Test
  void theDiagramHasTheSpansAndCallsOfTheTree() {
    String tree = show("--tree");
    String mermaid = show("--format", "mermaid");
    assertThat(mermaid).startsWith("flowchart LR\n");

    Graph fromTree = tree(tree);
    Graph fromDiagram = diagram(mermaid);
    assertThat(fromDiagram.spans()).isEqualTo(fromTree.spans())
        .contains("checkout INTERNAL", "payments.charge CLIENT",
            "InventoryService.reserve INTERNAL");
    assertThat(fromDiagram.calls()).isEqualTo(fromTree.calls())
        .contains(
            "checkout → InventoryClient.reserve",
            "checkout → Pricing.total",
            "checkout → payments.charge",
            "checkout → OrderService.confirm");
    // the inventory's span runs in the other process, behind HTTP: no call in the source leads
    // to it, so it is a node without arrows
    assertThat(fromDiagram.calls()).noneMatch(call -> call.contains("InventoryService.reserve"));
  }

  @Test
  void spansMdCarriesTheDiagramOfItsCalls() throws IOException {
    String spansMd = Files.readString(CLASSES.resolve("META-INF/traced/spans.md"), UTF_8);
    int start = spansMd.indexOf("```mermaid\n");
    assertThat(start).as("a mermaid block in spans.md").isNotNegative();
    String block = spansMd.substring(start + "```mermaid\n".length(),
        spansMd.indexOf("```\n", start + 1));
    // spans.md leaves out the spans in no call
    Graph all = diagram(show("--format", "mermaid"));
    Graph inSpansMd = diagram(block);
    assertThat(inSpansMd.calls()).isEqualTo(all.calls());
    assertThat(inSpansMd.spans()).doesNotContain("InventoryService.reserve INTERNAL");
  }

  /** The spans ("name KIND") and the calls ("parent → child", by name) of a drawing. */
  private record Graph(Set<String> spans, Set<String> calls) {}

  private static Graph tree(String tree) {
    Graph graph = new Graph(new TreeSet<>(), new TreeSet<>());
    List<String> path = new ArrayList<>();
    for (String line : tree.lines().toList()) {
      Matcher m = TREE_LINE.matcher(line);
      assertThat(m.matches()).as("a tree line: %s", line).isTrue();
      int depth = m.group(2) == null ? 0 : m.group(1).length() / 4 + 1;
      while (path.size() > depth) {
        path.remove(path.size() - 1);
      }
      graph.spans().add(m.group(3) + " " + m.group(4));
      if (depth > 0) {
        graph.calls().add(path.get(depth - 1) + " → " + m.group(3));
      }
      path.add(m.group(3));
    }
    return graph;
  }

  private static Graph diagram(String mermaid) {
    Graph graph = new Graph(new TreeSet<>(), new TreeSet<>());
    Map<String, String> names = new HashMap<>();
    for (String line : mermaid.lines().skip(1).toList()) {
      Matcher node = NODE.matcher(line);
      Matcher arrow = ARROW.matcher(line);
      if (node.matches()) {
        names.put(node.group(1), node.group(2));
        graph.spans().add(node.group(2) + " " + node.group(3));
      } else {
        assertThat(arrow.matches()).as("a node or an arrow: %s", line).isTrue();
        graph.calls().add(names.get(arrow.group(1)) + " → " + names.get(arrow.group(2)));
      }
    }
    return graph;
  }

  /** {@code java -jar traced-catalogue.jar show ARGS target/classes}: its output. */
  private static String show(String... args) {
    List<String> command = new ArrayList<>(List.of("show"));
    command.addAll(List.of(args));
    command.add(CLASSES.toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(command.toArray(String[]::new), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
    assertThat(status).as("exit status of show; %s", err.toString(UTF_8)).isZero();
    return out.toString(UTF_8);
  }
}
