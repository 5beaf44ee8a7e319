package dev.traced.processor.validation;

import dev.traced.processor.model.AttributeType;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.semconv.AttributeKeyTemplate;
import io.opentelemetry.semconv.SchemaUrls;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The attribute registry of the OpenTelemetry semantic conventions, as published in {@code
 * opentelemetry-semconv} (stable keys) and {@code opentelemetry-semconv-incubating} (experimental
 * and deprecated keys) on this processor's class path: each key's type, the templates such as
 * {@code http.request.header.<key>}, and the deprecated keys with what replaces them.
 *
 * <p>The types are read from the published {@code AttributeKey} constants (reflection at compile
 * time only; nothing of this reaches the application). The artifacts say which keys are
 * deprecated only in their Javadoc, so the deprecation notes come from {@code
 * semconv-deprecations.properties}, a resource generated from that Javadoc and kept in step with
 * the artifacts' version by a test. Built once per compilation.
 */
public final class SemanticConventions {

  /** Where the deprecation notes are, next to this class. */
  static final String DEPRECATIONS = "semconv-deprecations.properties";

  private static final List<String> PACKAGES =
      List.of("io/opentelemetry/semconv/", "io/opentelemetry/semconv/incubating/");

  /**
   * What the conventions say about one key.
   *
   * @param stable whether {@code opentelemetry-semconv} (the stable conventions) defines it;
   *     otherwise only the incubating artifact does
   */
  public record Convention(
      String key, AttributeType type, Optional<String> deprecation, boolean stable) {}

  private final Map<String, AttributeType> types;
  private final Map<String, AttributeType> templates;
  private final Map<String, String> deprecations;
  /** The keys and template prefixes of the stable artifact. */
  private final Set<String> stable;

  private SemanticConventions(
      Map<String, AttributeType> types,
      Map<String, AttributeType> templates,
      Map<String, String> deprecations,
      Set<String> stable) {
    this.types = types;
    this.templates = templates;
    this.deprecations = deprecations;
    this.stable = stable;
  }

  /** A registry that knows no key: the check is off. */
  public static SemanticConventions none() {
    return new SemanticConventions(Map.of(), Map.of(), Map.of(), Set.of());
  }

  /** Reads the registry from the semantic-convention artifacts on this class's class path. */
  public static SemanticConventions load() throws IOException {
    ClassLoader loader = SemanticConventions.class.getClassLoader();
    Map<String, AttributeType> types = new HashMap<>();
    Map<String, AttributeType> templates = new HashMap<>();
    Set<String> stable = new HashSet<>();
    for (String className : attributeClasses(loader)) {
      boolean stableClass = !className.startsWith("io.opentelemetry.semconv.incubating.");
      Class<?> type;
      try {
        type = Class.forName(className, true, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // not loadable here: its keys are simply not known
      }
      for (Field field : type.getFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        Object value;
        try {
          value = field.get(null);
        } catch (IllegalAccessException e) {
          continue;
        }
        if (value instanceof AttributeKey<?> key) {
          attributeType(key).ifPresent(t -> types.putIfAbsent(key.getKey(), t));
          if (stableClass) {
            stable.add(key.getKey());
          }
        } else if (value instanceof AttributeKeyTemplate<?> template) {
          // A template's key for "" is its prefix followed by a dot: "http.request.header.".
          AttributeKey<?> key = template.getAttributeKey("");
          attributeType(key).ifPresent(t -> templates.putIfAbsent(key.getKey(), t));
          if (stableClass) {
            stable.add(key.getKey());
          }
        }
      }
    }
    return new SemanticConventions(types, templates, deprecations(), stable);
  }

  /** What the conventions define for {@code key}, if anything. */
  public Optional<Convention> lookup(String key) {
    AttributeType type = types.get(key);
    String longestPrefix = key;
    if (type == null) {
      longestPrefix = "";
      for (Map.Entry<String, AttributeType> template : templates.entrySet()) {
        String prefix = template.getKey();
        if (key.startsWith(prefix) && key.length() > prefix.length()
            && prefix.length() > longestPrefix.length()) {
          longestPrefix = prefix;
          type = template.getValue();
        }
      }
    }
    if (type == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Convention(
            key, type, Optional.ofNullable(deprecations.get(key)), stable.contains(longestPrefix)));
  }

  /**
   * The schema URL of the newest semantic-conventions release that {@code opentelemetry-semconv}
   * on this processor's class path publishes ({@code SchemaUrls}): the release whose keys traced
   * checks against, {@code https://opentelemetry.io/schemas/1.43.0}; empty if it cannot be read.
   */
  public static String schemaUrl() {
    Field[] fields;
    try {
      fields = SchemaUrls.class.getFields();
    } catch (LinkageError e) {
      return ""; // not on the processor path
    }
    String newest = "";
    int[] newestVersion = {};
    for (Field field : fields) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      try {
        String url = (String) field.get(null);
        int[] version = version(url.substring(url.lastIndexOf('/') + 1));
        if (Arrays.compare(version, newestVersion) > 0) {
          newest = url;
          newestVersion = version;
        }
      } catch (IllegalAccessException | NumberFormatException e) {
        // not a release's URL
      }
    }
    return newest;
  }

  private static int[] version(String text) {
    return Arrays.stream(text.split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  /** How many keys the registry knows; for tests. */
  int size() {
    return types.size();
  }

  private static Optional<AttributeType> attributeType(AttributeKey<?> key) {
    return switch (key.getType()) {
      case STRING -> Optional.of(AttributeType.STRING);
      case BOOLEAN -> Optional.of(AttributeType.BOOLEAN);
      case LONG -> Optional.of(AttributeType.LONG);
      case DOUBLE -> Optional.of(AttributeType.DOUBLE);
      case STRING_ARRAY -> Optional.of(AttributeType.STRING_ARRAY);
      case BOOLEAN_ARRAY -> Optional.of(AttributeType.BOOLEAN_ARRAY);
      case LONG_ARRAY -> Optional.of(AttributeType.LONG_ARRAY);
      case DOUBLE_ARRAY -> Optional.of(AttributeType.DOUBLE_ARRAY);
      default -> Optional.empty(); // a type traced cannot produce
    };
  }

  /** The top-level {@code *Attributes} classes of the semantic-convention packages. */
  private static List<String> attributeClasses(ClassLoader loader) throws IOException {
    SortedSet<String> names = new TreeSet<>();
    for (String pkg : PACKAGES) {
      for (URL url : Collections.list(loader.getResources(pkg))) {
        if (!(url.openConnection() instanceof JarURLConnection connection)) {
          continue; // the artifacts are jars; an exploded directory is not expected here
        }
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            String name = entry.getName();
            if (name.startsWith(pkg)
                && name.endsWith("Attributes.class")
                && name.indexOf('/', pkg.length()) < 0
                && name.indexOf('$') < 0) {
              names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
            }
          }
        }
      }
    }
    return List.copyOf(names);
  }

  private static Map<String, String> deprecations() throws IOException {
    java.util.Properties notes = new java.util.Properties();
    try (InputStream in = SemanticConventions.class.getResourceAsStream(DEPRECATIONS)) {
      if (in != null) {
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          notes.load(reader);
        }
      }
    }
    Map<String, String> deprecations = new HashMap<>();
    notes.forEach((key, note) -> deprecations.put((String) key, (String) note));
    return deprecations;
  }
}
