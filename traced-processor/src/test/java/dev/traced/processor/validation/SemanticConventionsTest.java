package dev.traced.processor.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.processor.model.AttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The semantic-convention registry, and the deprecation notes it ships: those are generated from
 * the Javadoc of {@code opentelemetry-semconv-incubating} (its sources jar is on the test class
 * path), and this test fails when they no longer match the pinned artifact. To regenerate after a
 * version change: {@code mvn -pl traced-processor test -Dtest=SemanticConventionsTest
 * -Dtraced.semconv.update=true}.
 */
class SemanticConventionsTest {

  private static final Path DEPRECATIONS_FILE =
      Path.of(
          "src/main/resources/dev/traced/processor/validation/"
              + SemanticConventions.DEPRECATIONS);

  /** A Javadoc comment, the annotations after it, and the attribute constant it documents. */
  private static final Pattern CONSTANT =
      Pattern.compile(
          "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(@Deprecated\\s+)?public static final"
              + " AttributeKey(?:Template)?<[^=]*>\\s+\\w+\\s*=\\s*\\w+\\(\\s*\"([^\"]+)\"",
          Pattern.DOTALL);

  private static final Pattern DEPRECATED_TAG =
      Pattern.compile("@deprecated\\s+(.*?)(?=\\s@\\w|$)", Pattern.DOTALL);

  @Test
  void schemaUrlIsOfTheReleaseTheArtifactOnTheClassPathPublishes() throws Exception {
    // opentelemetry-semconv-1.43.0.jar publishes the conventions 1.43.0
    String jar = Path.of(io.opentelemetry.semconv.SchemaUrls.class.getProtectionDomain()
        .getCodeSource().getLocation().toURI()).getFileName().toString();
    String version = jar.replaceAll("^opentelemetry-semconv-(.*)\\.jar$", "$1");
    assertThat(SemanticConventions.schemaUrl())
        .isEqualTo("https://opentelemetry.io/schemas/" + version);
  }

  @Test
  void knowsTypesOfStableIncubatingAndTemplateKeys() throws IOException {
    SemanticConventions conventions = SemanticConventions.load();
    assertThat(conventions.size()).isGreaterThan(500);
    assertThat(type(conventions, "http.request.method")).isEqualTo(AttributeType.STRING);
    assertThat(type(conventions, "http.response.status_code")).isEqualTo(AttributeType.LONG);
    assertThat(type(conventions, "messaging.batch.message_count")).isEqualTo(AttributeType.LONG);
    assertThat(type(conventions, "http.request.header.x_trace"))
        .isEqualTo(AttributeType.STRING_ARRAY);
    assertThat(conventions.lookup("shop.order.id")).isEmpty();
    assertThat(conventions.lookup("http.request.header.")).isEmpty();
  }

  @Test
  void deprecatedKeysNameTheirReplacement() throws IOException {
    SemanticConventions conventions = SemanticConventions.load();
    assertThat(conventions.lookup("http.method").orElseThrow().deprecation())
        .contains("Replaced by http.request.method.");
    assertThat(conventions.lookup("http.request.method").orElseThrow().deprecation()).isEmpty();
    // Deprecated in the incubating copy only because the key became stable: not deprecated.
    assertThat(conventions.lookup("network.transport").orElseThrow().deprecation()).isEmpty();
  }

  @Test
  void deprecationNotesMatchThePinnedArtifact() throws IOException {
    String expected = deprecationsFile(deprecationNotesFromSources());
    if (Boolean.getBoolean("traced.semconv.update")) {
      Files.writeString(DEPRECATIONS_FILE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DEPRECATIONS_FILE, StandardCharsets.UTF_8))
        .as("%s is out of date; regenerate it with -Dtraced.semconv.update=true",
            DEPRECATIONS_FILE)
        .isEqualTo(expected);
  }

  private static AttributeType type(SemanticConventions conventions, String key) {
    return conventions.lookup(key).orElseThrow().type();
  }

  /** Every deprecated key with its note, from the incubating artifact's Javadoc. */
  private static Map<String, String> deprecationNotesFromSources() throws IOException {
    String anyFile = "io/opentelemetry/semconv/incubating/HttpIncubatingAttributes.java";
    URL url = SemanticConventionsTest.class.getClassLoader().getResource(anyFile);
    assertThat(url).as("the incubating sources jar on the test class path").isNotNull();
    Map<String, String> notes = new TreeMap<>();
    JarURLConnection connection = (JarURLConnection) url.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (!entry.getName().startsWith("io/opentelemetry/semconv/incubating/")
            || !entry.getName().endsWith(".java")) {
          continue;
        }
        String source;
        try (InputStream in = jar.getInputStream(entry)) {
          source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher constant = CONSTANT.matcher(source);
        while (constant.find()) {
          if (constant.group(2) == null) {
            continue; // not @Deprecated
          }
          Matcher tag = DEPRECATED_TAG.matcher(constant.group(1));
          if (tag.find()) {
            String note = plainText(tag.group(1));
            if (!note.startsWith("deprecated in favor of stable") && !note.startsWith("Moved to")) {
              notes.putIfAbsent(constant.group(3), note);
            }
          }
        }
      }
    }
    return notes;
  }

  /** Javadoc text as one plain line: no leading stars, tags or HTML. */
  private static String plainText(String javadoc) {
    return javadoc
        .replaceAll("(?m)^\\s*\\*", " ")
        .replaceAll("\\{@(?:code|link|linkplain)\\s+([^}]*)}", "$1")
        .replaceAll("<[^>]+>", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  private static String deprecationsFile(Map<String, String> notes) {
    StringBuilder out =
        new StringBuilder(
            "# Deprecated semantic-convention attribute keys and what replaces them, from the\n"
                + "# Javadoc of opentelemetry-semconv-incubating. Generated by\n"
                + "# SemanticConventionsTest (-Dtraced.semconv.update=true); do not edit.\n");
    notes.forEach(
        (key, note) -> out.append(key).append('=').append(escaped(note)).append('\n'));
    return out.toString();
  }

  /** A properties value: backslashes doubled, everything outside printable ASCII as \\uXXXX. */
  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '\\') {
        out.append("\\\\");
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
