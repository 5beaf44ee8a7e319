package dev.traced.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two catalogues, from the point of view of what reads the telemetry:
 * dashboards, alerts and queries select spans by name and read attributes by key and type. So
 * spans are compared by name (all methods that give a name together), and a change is breaking
 * when such a reader could stop finding something: a span name gone (removed, or renamed: the
 * same method now gives another name), a kind changed, an attribute key gone from a span, or an
 * attribute's type changed. New spans and new attributes break nothing and are reported as
 * additions.
 */
public final class CatalogueDiff {

  private CatalogueDiff() {}

  /** The kinds of change, breaking first. */
  public enum Kind {
    SPAN_REMOVED(true),
    SPAN_RENAMED(true),
    KIND_CHANGED(true),
    ATTRIBUTE_REMOVED(true),
    ATTRIBUTE_TYPE_CHANGED(true),
    SPAN_ADDED(false),
    ATTRIBUTE_ADDED(false);

    private final boolean breaking;

    Kind(boolean breaking) {
      this.breaking = breaking;
    }

    public boolean breaking() {
      return breaking;
    }
  }

  /** One change: its kind, the span name it concerns (the old one), and a sentence. */
  public record Change(Kind kind, String span, String message) {}

  public static List<Change> diff(Catalogue old, Catalogue now) {
    Map<String, Shape> before = shapes(old);
    Map<String, Shape> after = shapes(now);
    List<Change> changes = new ArrayList<>();
    Set<String> renameTargets = new TreeSet<>();
    for (Map.Entry<String, Shape> entry : before.entrySet()) {
      String name = entry.getKey();
      Shape was = entry.getValue();
      Shape is = after.get(name);
      if (is == null) {
        String renamedTo = renamedTo(was, now, before);
        if (renamedTo != null) {
          renameTargets.add(renamedTo);
          changes.add(new Change(Kind.SPAN_RENAMED, name,
              "span \"" + name + "\" renamed to \"" + renamedTo + "\" (" + String.join(", ",
                  was.methods) + ")"));
        } else {
          changes.add(new Change(Kind.SPAN_REMOVED, name,
              "span \"" + name + "\" removed (was " + String.join(", ", was.methods) + ")"));
        }
        continue;
      }
      if (!was.kinds.equals(is.kinds)) {
        changes.add(new Change(Kind.KIND_CHANGED, name,
            "span \"" + name + "\": kind changed from " + String.join("/", was.kinds) + " to "
                + String.join("/", is.kinds)));
      }
      for (Map.Entry<String, Set<String>> attribute : was.attributes.entrySet()) {
        String key = attribute.getKey();
        Set<String> types = is.attributes.get(key);
        if (types == null) {
          changes.add(new Change(Kind.ATTRIBUTE_REMOVED, name,
              "span \"" + name + "\": attribute \"" + key + "\" removed"));
        } else if (!types.equals(attribute.getValue())) {
          changes.add(new Change(Kind.ATTRIBUTE_TYPE_CHANGED, name,
              "span \"" + name + "\": attribute \"" + key + "\" changed type from "
                  + String.join("/", attribute.getValue()) + " to " + String.join("/", types)));
        }
      }
      for (Map.Entry<String, Set<String>> attribute : is.attributes.entrySet()) {
        if (!was.attributes.containsKey(attribute.getKey())) {
          changes.add(new Change(Kind.ATTRIBUTE_ADDED, name,
              "span \"" + name + "\": attribute \"" + attribute.getKey() + "\" ("
                  + String.join("/", attribute.getValue()) + ") added"));
        }
      }
    }
    for (Map.Entry<String, Shape> entry : after.entrySet()) {
      if (!before.containsKey(entry.getKey()) && !renameTargets.contains(entry.getKey())) {
        changes.add(new Change(Kind.SPAN_ADDED, entry.getKey(),
            "span \"" + entry.getKey() + "\" added (" + String.join(", ", entry.getValue().methods)
                + ")"));
      }
    }
    changes.sort((a, b) -> a.kind() != b.kind()
        ? a.kind().compareTo(b.kind())
        : a.message().compareTo(b.message()));
    return changes;
  }

  /**
   * The new name of a span whose name is gone, when a method that gave the old name now gives a
   * name the old catalogue did not have; else null.
   */
  private static String renamedTo(Shape was, Catalogue now, Map<String, Shape> before) {
    for (String method : was.methods) {
      Catalogue.Span span = now.byId(method);
      if (span != null && !before.containsKey(span.name())) {
        return span.name();
      }
    }
    return null;
  }

  /** What a reader sees of one span name: its kinds, its keys and their types, its methods. */
  private record Shape(Set<String> kinds, Map<String, Set<String>> attributes, Set<String> methods) {}

  private static Map<String, Shape> shapes(Catalogue catalogue) {
    Map<String, Shape> shapes = new TreeMap<>();
    for (Catalogue.Span span : catalogue.spans()) {
      Shape shape = shapes.computeIfAbsent(span.name(),
          n -> new Shape(new TreeSet<>(), new LinkedHashMap<>(), new TreeSet<>()));
      shape.kinds.add(span.kind());
      shape.methods.add(span.id());
      for (Catalogue.Attribute a : span.attributes()) {
        shape.attributes.computeIfAbsent(a.key(), k -> new TreeSet<>()).add(a.type());
      }
    }
    return shapes;
  }
}
