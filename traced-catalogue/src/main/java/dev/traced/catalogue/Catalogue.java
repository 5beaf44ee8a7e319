package dev.traced.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every span a module's code can emit: the contents of {@code META-INF/traced/spans.json}. The
 * spans are kept sorted (by name, then id), so equal catalogues are equal lists and write the
 * same bytes.
 *
 * @param spans the spans, sorted by {@link Span#ORDER}
 */
public record Catalogue(List<Span> spans) {

  /** The value of {@code "format"} in every catalogue file. */
  public static final String FORMAT = "traced-span-catalogue";

  /**
   * The schema version this code writes and reads. A reader accepts this version and older ones;
   * fields are only ever added within a version, never removed or changed in meaning.
   */
  public static final int VERSION = 1;

  /** Where the catalogue files are, inside a module's classes and its jar. */
  public static final String DIRECTORY = "META-INF/traced/";

  public static final String JSON_FILE = DIRECTORY + "spans.json";
  public static final String MARKDOWN_FILE = DIRECTORY + "spans.md";
  /** The OpenTelemetry Weaver registry: a directory Weaver reads ({@link WeaverRegistry}). */
  public static final String WEAVER_DIRECTORY = DIRECTORY + "registry/";

  public static final String WEAVER_FILE = WEAVER_DIRECTORY + "spans.yaml";
  public static final String WEAVER_MANIFEST_FILE = WEAVER_DIRECTORY + "manifest.yaml";

  public Catalogue {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Span.ORDER);
    spans = List.copyOf(sorted);
  }

  /** The spans of all {@code catalogues} in one catalogue: a module and its dependencies. */
  public static Catalogue merge(List<Catalogue> catalogues) {
    List<Span> all = new ArrayList<>();
    catalogues.forEach(c -> all.addAll(c.spans()));
    return new Catalogue(all);
  }

  /** The span with {@code id}, or null. */
  public Span byId(String id) {
    for (Span span : spans) {
      if (span.id().equals(id)) {
        return span;
      }
    }
    return null;
  }

  /**
   * One span: one {@code @Traced} method. Two methods may give the same span name; each is its
   * own entry, told apart by {@link #id}.
   *
   * @param id the method's identity, {@code className#method}: unique in a class path
   * @param name the span name
   * @param kind the span kind, as OpenTelemetry names it: {@code INTERNAL}, {@code SERVER}, ...
   * @param className the canonical name of the class that declares the method
   * @param method the method's name and erased parameter types: {@code place(a.Order, int)}
   * @param sourceFile the source file, relative to its source root ({@code a/OrderService.java});
   *     empty when unknown
   * @param line the line of the method's declaration in it, 0 when unknown
   * @param description the first sentence of the method's Javadoc, empty when it has none
   * @param end how the span ends: {@code RETURN} when the method returns or throws, or the kind
   *     of asynchronous result whose completion ends it
   * @param newTrace whether the span starts a new trace (linked to the current one) instead of
   *     being a child of the current span
   * @param expectedExceptions exceptions recorded without marking the span as an error
   *     (canonical names)
   * @param attributes the attributes, in the order the annotation lists them
   * @param children the ids of traced methods its body calls directly, sorted: spans that can be
   *     its children (see docs/catalogue.md for what this can and cannot see)
   */
  public record Span(
      String id,
      String name,
      String kind,
      String className,
      String method,
      String sourceFile,
      int line,
      String description,
      String end,
      boolean newTrace,
      List<String> expectedExceptions,
      List<Attribute> attributes,
      List<String> children) {

    /** By name, then by id; ids are unique, so this is a total order. */
    public static final Comparator<Span> ORDER =
        Comparator.comparing(Span::name).thenComparing(Span::id);

    public Span {
      expectedExceptions = List.copyOf(expectedExceptions);
      attributes = List.copyOf(attributes);
      children = children.stream().distinct().sorted().toList();
    }

    /** {@code OrderService.place(Order)}: the method without packages, for people. */
    public String shortMethod() {
      String pkg = packageName();
      return className.substring(pkg.isEmpty() ? 0 : pkg.length() + 1) + "."
          + withoutPackages(method);
    }

    /**
     * The package of the declaring class, {@code a.b} of {@code a.b.Outer.Inner}; empty for the
     * unnamed package. A canonical name does not say where the package ends, so this goes by
     * Java's naming conventions: the package is the lower-case names before the first that starts
     * with an upper-case letter (the last name is always a class).
     */
    public String packageName() {
      String[] names = className.split("\\.");
      int end = 0;
      while (end < names.length - 1
          && !(names[end].isEmpty() || Character.isUpperCase(names[end].charAt(0)))) {
        end++;
      }
      return String.join(".", Arrays.asList(names).subList(0, end));
    }

    private static String withoutPackages(String text) {
      return text.replaceAll("\\b[a-z][a-z0-9_]*\\.", "");
    }
  }

  /**
   * One attribute of a span.
   *
   * @param key the attribute key
   * @param type its OpenTelemetry type as the semantic conventions write it: {@code string},
   *     {@code boolean}, {@code long}, {@code double}, {@code string[]}, ...
   * @param from where the value comes from: {@code literal} (a constant), {@code parameter} (a
   *     parameter itself), {@code path} (a property path from a parameter) or {@code return} (the
   *     return value or a path from it, set when the method returns normally)
   * @param value the literal as written ({@code 'web'}, {@code 42}) or the path ({@code
   *     order.customer.id}, {@code return.total})
   * @param optional whether the span can lack the attribute: a null on the path, an empty
   *     Optional, an accessor that throws, or a method that throws before returning its value
   * @param semconv what the OpenTelemetry semantic conventions say of the key: {@code stable},
   *     {@code incubating}, {@code deprecated} or {@code none} (not a convention key, or the
   *     check was off)
   * @param deprecation for a deprecated key, the conventions' note (what replaces it); else empty
   */
  public record Attribute(
      String key,
      String type,
      String from,
      String value,
      boolean optional,
      String semconv,
      String deprecation) {}
}
