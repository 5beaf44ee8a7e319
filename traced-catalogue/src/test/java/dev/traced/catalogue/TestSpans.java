package dev.traced.catalogue;

import java.util.List;

/** Catalogue entries for tests: only what a test cares about, the rest filled in. */
final class TestSpans {

  private TestSpans() {}

  /** An attribute read from the parameter of the same name, always set, not a convention. */
  static Catalogue.Attribute attribute(String key, String type) {
    return new Catalogue.Attribute(key, type, "parameter", key, false, "none", "");
  }

  /** A span of the method {@code id} ({@code a.Shop#checkout(int)}), declared on line 10. */
  static Catalogue.Span span(String id, String name, String kind,
      List<Catalogue.Attribute> attributes, List<String> children) {
    String className = id.substring(0, id.indexOf('#'));
    return new Catalogue.Span(id, name, kind, className, id.substring(id.indexOf('#') + 1),
        className.replace('.', '/') + ".java", 10, "", "RETURN", false, List.of(), attributes,
        children);
  }

  /** A span without attributes. */
  static Catalogue.Span span(String id, String name, String kind, String... children) {
    return span(id, name, kind, List.of(), List.of(children));
  }
}
