package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each pom snippet the documentation shows is in the pom of a fixture that the other tests build,
 * word for word: the fixture's pom, without the parts that are the fixture's own (between {@code
 * <!-- fixture: -->} and {@code <!-- /fixture -->}), holds the snippet's lines in a row. Lines are
 * compared without their indentation, blank lines left out, and the version of Spring Boot's
 * parent (3.5.x or 4.0.x) is any.
 */
class DocumentedPomIT {

  private static final Path REACTOR = Path.of(System.getProperty("traced.it.reactor"));
  private static final Path FIXTURES = Path.of(System.getProperty("traced.it.fixtures"));

  @ParameterizedTest(name = "{0}, \"{1}\", snippet {2}: {3}")
  @CsvSource({
      "README.md, Use it in your project, 1, plugin-plain",
      "README.md, Use it in your project, 2, plugin-lombok",
      "README.md, Spring Boot, 1, boot35-micrometer",
      "README.md, Spring Boot, 1, boot40-opentelemetry",
      "README.md, Spring Boot, 1, boot35-opentelemetry-starter",
      "docs/build.md, The manual setup, 1, incremental"})
  void theDocumentedSnippetIsInTheFixturesPom(String document, String section, int snippet,
      String fixture) throws IOException {
    String pom = Files.readString(FIXTURES.resolve(fixture).resolve("pom.xml"))
        .replace("@traced.version@", PrivateRepository.VERSION)
        .replaceAll("(?s)[ ]*<!-- fixture: -->.*?<!-- /fixture -->\n", "");
    assertThat(lines(pom)).containsSequence(lines(snippet(document, section, snippet)));
  }

  /** The {@code number}th xml block of the section headed {@code ## heading}. */
  private static String snippet(String document, String heading, int number) throws IOException {
    String text = Files.readString(REACTOR.resolve(document));
    int start = text.indexOf("\n## " + heading + "\n");
    assertThat(start).as("the section \"%s\" of %s", heading, document).isNotNegative();
    String section = text.substring(start + 1);
    int end = section.indexOf("\n## ");
    section = end < 0 ? section : section.substring(0, end);
    Matcher xml = Pattern.compile("(?s)```xml\n(.*?)```").matcher(section);
    for (int i = 0; i < number; i++) {
      assertThat(xml.find()).as("xml block %d of \"%s\" in %s", i + 1, heading, document)
          .isTrue();
    }
    return xml.group(1);
  }

  private static List<String> lines(String xml) {
    return xml.replaceAll(
            "(<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>)[^<]*", "$1(Boot)")
        .lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
