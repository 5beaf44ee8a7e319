package dev.traced.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The static span topology of a catalogue: which traced method calls which other traced method
 * directly ({@link Catalogue.Span#children}), as a graph of spans and parent → child edges. The
 * span tree and the Mermaid diagram ({@link CatalogueText#tree}, {@link CatalogueText#mermaid})
 * are both drawn from it, so they show the same spans and the same edges.
 *
 * <p>A span can have several parents (two methods call it) and the graph can have cycles
 * (recursion, methods that call each other). A child id that the catalogue does not hold is
 * another module's traced method whose catalogue was not loaded: it is an edge all the same, to a
 * {@linkplain #missing() missing} span.
 */
public final class SpanTopology {

  /** One possible parent → child edge: {@code parent}'s method calls {@code child}'s. */
  public record Edge(String parent, String child) {}

  private final List<Catalogue.Span> spans;
  private final Map<String, Catalogue.Span> byId = new LinkedHashMap<>();
  /** The ids some other span calls: a call of a method to itself does not count. */
  private final Set<String> called = new HashSet<>();
  /** The ids in an edge, as parent or child. */
  private final Set<String> connected = new HashSet<>();

  /** @param catalogue its spans; of two with the same id (a module loaded twice), the first */
  public SpanTopology(Catalogue catalogue) {
    for (Catalogue.Span span : catalogue.spans()) {
      byId.putIfAbsent(span.id(), span);
    }
    this.spans = List.copyOf(byId.values());
    for (Catalogue.Span span : spans) {
      for (String child : span.children()) {
        if (!child.equals(span.id())) {
          called.add(child);
        }
        connected.add(span.id());
        connected.add(child);
      }
    }
  }

  /** The span with {@code id}, or null when the catalogue does not hold it. */
  public Catalogue.Span span(String id) {
    return byId.get(id);
  }

  /**
   * The spans, in catalogue order; with {@code edgesOnly}, only those in an edge (that call or
   * are called by a traced method).
   */
  public List<Catalogue.Span> spans(boolean edgesOnly) {
    return edgesOnly
        ? spans.stream().filter(s -> connected.contains(s.id())).toList()
        : spans;
  }

  /** Every edge: the spans in catalogue order, each one's children in their (sorted) order. */
  public List<Edge> edges() {
    List<Edge> edges = new ArrayList<>();
    for (Catalogue.Span span : spans) {
      for (String child : span.children()) {
        edges.add(new Edge(span.id(), child));
      }
    }
    return edges;
  }

  /** The ids that spans call but the catalogue does not hold, sorted. */
  public List<String> missing() {
    Set<String> missing = new TreeSet<>();
    for (Edge edge : edges()) {
      if (!byId.containsKey(edge.child())) {
        missing.add(edge.child());
      }
    }
    return List.copyOf(missing);
  }

  /**
   * Where a walk down the edges starts, so that it reaches every span: the roots (spans no other
   * span calls), then the spans that only a cycle reaches (each called, none reachable from a
   * root), each in catalogue order. With {@code edgesOnly}, roots that call nothing are left out.
   */
  public List<Catalogue.Span> starts(boolean edgesOnly) {
    List<Catalogue.Span> starts = new ArrayList<>();
    for (Catalogue.Span span : spans) {
      if (!called.contains(span.id()) && !(edgesOnly && span.children().isEmpty())) {
        starts.add(span);
      }
    }
    Set<String> reachable = reachableFromRoots();
    for (Catalogue.Span span : spans) {
      if (called.contains(span.id()) && !reachable.contains(span.id())) {
        starts.add(span);
      }
    }
    return starts;
  }

  private Set<String> reachableFromRoots() {
    Set<String> seen = new HashSet<>();
    List<String> todo = new ArrayList<>();
    for (Catalogue.Span span : spans) {
      if (!called.contains(span.id())) {
        todo.add(span.id());
      }
    }
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      Catalogue.Span span = byId.get(next);
      if (seen.add(next) && span != null) {
        todo.addAll(span.children());
      }
    }
    return seen;
  }
}
