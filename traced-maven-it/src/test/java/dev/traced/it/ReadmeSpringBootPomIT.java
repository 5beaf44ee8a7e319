package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pom in the README's "Spring Boot" section is the pom of every Spring Boot fixture, word
 * for word, but for the parent's version (3.5.x or 4.0.x) and the parts that are the service's
 * own, between {@code <!-- fixture: -->} and {@code <!-- /fixture -->}.
 */
class ReadmeSpringBootPomIT {

  private static final Path REACTOR = Path.of(System.getProperty("traced.it.reactor"));
  private static final Path FIXTURES = Path.of(System.getProperty("traced.it.fixtures"));

  @ParameterizedTest
  @ValueSource(strings = {"boot35-micrometer", "boot40-opentelemetry",
      "boot35-opentelemetry-starter"})
  void theReadmesPomIsTheFixturesPom(String fixture) throws IOException {
    String pom = Files.readString(FIXTURES.resolve(fixture).resolve("pom.xml"))
        .replace("@traced.version@", PrivateRepository.VERSION)
        .replaceAll("(?s)[ ]*<!-- fixture: -->.*?<!-- /fixture -->\n", "")
        .replaceAll("\n{3,}", "\n\n");
    assertThat(anyParentVersion(pom)).isEqualTo(anyParentVersion(readmePom()));
  }

  private static String readmePom() throws IOException {
    String readme = Files.readString(REACTOR.resolve("README.md"));
    int start = readme.indexOf("\n## Spring Boot\n");
    assertThat(start).as("the README's Spring Boot section").isNotNegative();
    String section = readme.substring(start + 1);
    section = section.substring(0, section.indexOf("\n## "));
    Matcher xml = Pattern.compile("(?s)```xml\n(.*?)```").matcher(section);
    assertThat(xml.find()).as("an xml block in the Spring Boot section").isTrue();
    return xml.group(1);
  }

  private static String anyParentVersion(String pom) {
    return pom.replaceAll(
        "(<artifactId>spring-boot-starter-parent</artifactId>\\s*<version>)[^<]*", "$1(Boot)");
  }
}
