package dev.traced.catalogue;

import static dev.traced.catalogue.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The span topology, and the tree and Mermaid diagram drawn from it. */
class SpanTopologyTest {

  private static final String AUDIT = "a.Audit#log(java.lang.String)";

  /**
   * Two roots (checkout, batch.run), nesting (checkout → payments.charge → audit), a span with
   * two parents (audit), a call into a module not loaded (z.Mail), a recursive method
   * (batch.run), a span in no edge (idle), two spans sharing a name (report), and a name with
   * every character Mermaid treats specially.
   */
  private static Catalogue shop() {
    return new Catalogue(List.of(
        span("a.Shop#checkout()", "checkout", "SERVER", "a.Stock#reserve()", "a.Pay#charge()"),
        span("a.Stock#reserve()", "stock.reserve", "INTERNAL", AUDIT),
        span("a.Pay#charge()", "payments.charge", "CLIENT", AUDIT, "z.Mail#send()"),
        span(AUDIT, "audit \"log\"\t<b>#1 & `x`", "INTERNAL"),
        span("a.Batch#run()", "batch.run", "CONSUMER", "a.Batch#run()", "a.Report#daily()"),
        span("a.Report#daily()", "report", "INTERNAL"),
        span("a.Report#weekly()", "report", "INTERNAL"),
        span("a.Idle#tick()", "idle", "INTERNAL")));
  }

  @Test
  void mermaidHasOneNodePerSpanAndOneArrowPerCall() {
    assertThat(CatalogueText.mermaid(shop(), false)).isEqualTo(String.join("\n",
        "flowchart LR",
        "  n1[\"audit #quot;log#quot; #lt;b#gt;#35;1 #amp; #96;x#96;<br>INTERNAL\"]",
        "  n2[\"batch.run<br>CONSUMER\"]",
        "  n3[\"checkout<br>SERVER\"]",
        "  n4[\"idle<br>INTERNAL\"]",
        "  n5[\"payments.charge<br>CLIENT\"]",
        "  n6[\"report<br>INTERNAL<br>Report.daily()\"]",
        "  n7[\"report<br>INTERNAL<br>Report.weekly()\"]",
        "  n8[\"stock.reserve<br>INTERNAL\"]",
        "  n9[\"z.Mail#35;send()<br>not in this catalogue\"]",
        "  n2 --> n2",
        "  n2 --> n6",
        "  n3 --> n5",
        "  n3 --> n8",
        "  n5 --> n1",
        "  n5 --> n9",
        "  n8 --> n1",
        ""));
  }

  @Test
  void mermaidOfSpansMdLeavesOutSpansInNoEdge() {
    assertThat(CatalogueText.mermaid(shop(), true)).isEqualTo(String.join("\n",
        "flowchart LR",
        "  n1[\"audit #quot;log#quot; #lt;b#gt;#35;1 #amp; #96;x#96;<br>INTERNAL\"]",
        "  n2[\"batch.run<br>CONSUMER\"]",
        "  n3[\"checkout<br>SERVER\"]",
        "  n4[\"payments.charge<br>CLIENT\"]",
        "  n5[\"report<br>INTERNAL<br>Report.daily()\"]",
        "  n6[\"stock.reserve<br>INTERNAL\"]",
        "  n7[\"z.Mail#35;send()<br>not in this catalogue\"]",
        "  n2 --> n2",
        "  n2 --> n5",
        "  n3 --> n4",
        "  n3 --> n6",
        "  n4 --> n1",
        "  n4 --> n7",
        "  n6 --> n1",
        ""));
  }

  @Test
  void treeAndDiagramShowTheSameCalls() {
    // the span with two parents is under both in the tree, one node with two arrows in the diagram
    assertThat(CatalogueText.tree(shop(), false)).contains(
        "├── payments.charge [CLIENT]  Pay.charge()\n│   ├── audit",
        "└── stock.reserve [INTERNAL]  Stock.reserve()\n    └── audit");
    assertThat(treeEdges(CatalogueText.tree(shop(), false)))
        .isEqualTo(mermaidEdges(CatalogueText.mermaid(shop(), false)))
        .hasSize(7);
    assertThat(treeEdges(CatalogueText.tree(shop(), true)))
        .isEqualTo(mermaidEdges(CatalogueText.mermaid(shop(), true)));
  }

  @Test
  void labelsOnOneLineWithEveryMermaidCharacterEscaped() {
    assertThat(CatalogueText.mermaidText("a \"b\"\t\n c#d;<e>&`f` [g] (h) |i| {j} é"))
        .isEqualTo("a #quot;b#quot; c#35;d;#lt;e#gt;#amp;#96;f#96; [g] (h) |i| {j} é");
  }

  @Test
  void topologyStartsAtRootsThenAtWhatOnlyACycleReaches() {
    Catalogue cycle = new Catalogue(List.of(
        span("a.A#a()", "a", "INTERNAL", "a.B#b()"),
        span("a.B#b()", "b", "INTERNAL", "a.A#a()", "a.C#c()"),
        span("a.C#c()", "c", "INTERNAL"),
        span("a.D#d()", "d", "INTERNAL")));
    SpanTopology topology = new SpanTopology(cycle);
    assertThat(topology.starts(false)).extracting(Catalogue.Span::name)
        .containsExactly("d", "a", "b", "c");
    // spans.md leaves out d, which calls nothing, but not the cycle that no root reaches
    assertThat(topology.starts(true)).extracting(Catalogue.Span::name)
        .containsExactly("a", "b", "c");
    assertThat(topology.spans(true)).extracting(Catalogue.Span::name)
        .containsExactly("a", "b", "c");
    assertThat(topology.edges()).containsExactly(
        new SpanTopology.Edge("a.A#a()", "a.B#b()"),
        new SpanTopology.Edge("a.B#b()", "a.A#a()"),
        new SpanTopology.Edge("a.B#b()", "a.C#c()"));
    assertThat(topology.missing()).isEmpty();
  }

  @Test
  void aModuleOnThePathTwiceIsDrawnOnce() {
    Catalogue twice = Catalogue.merge(List.of(shop(), shop()));
    assertThat(CatalogueText.mermaid(twice, false)).isEqualTo(CatalogueText.mermaid(shop(), false));
    assertThat(CatalogueText.tree(twice, false)).isEqualTo(CatalogueText.tree(shop(), false));
  }

  private static final Pattern NODE = Pattern.compile("^  (n\\d+)\\[\"(.*)\"]$");
  private static final Pattern ARROW = Pattern.compile("^  (n\\d+) --> (n\\d+)$");

  /** The diagram's arrows, as "parent label → child label", first label line only. */
  static Set<String> mermaidEdges(String mermaid) {
    Map<String, String> labels = new java.util.HashMap<>();
    Set<String> edges = new LinkedHashSet<>();
    for (String line : mermaid.lines().toList()) {
      Matcher node = NODE.matcher(line);
      Matcher arrow = ARROW.matcher(line);
      if (node.matches()) {
        labels.put(node.group(1), node.group(2).split("<br>")[0]);
      } else if (arrow.matches()) {
        edges.add(labels.get(arrow.group(1)) + " → " + labels.get(arrow.group(2)));
      }
    }
    return edges;
  }

  /** The tree's parent → child pairs, as "parent → child" by span name (escaped as Mermaid does). */
  static Set<String> treeEdges(String tree) {
    Set<String> edges = new LinkedHashSet<>();
    List<String> path = new ArrayList<>();
    for (String line : tree.lines().toList()) {
      int depth = 0;
      while (line.startsWith("│   ", depth * 4) || line.startsWith("    ", depth * 4)) {
        depth++;
      }
      String rest = line.substring(depth * 4);
      boolean child = rest.startsWith("├── ") || rest.startsWith("└── ");
      String name = child ? rest.substring(4) : rest;
      name = name.contains(" [") ? name.substring(0, name.lastIndexOf(" [")) : name;
      name = name.replace("  (not in this catalogue)", "");
      int level = child ? depth + 1 : 0;
      while (path.size() > level) {
        path.remove(path.size() - 1);
      }
      if (level > 0) {
        edges.add(path.get(level - 1) + " → " + CatalogueText.mermaidText(name));
      }
      path.add(CatalogueText.mermaidText(name));
    }
    return edges;
  }
}
