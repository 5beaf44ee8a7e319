package dev.traced.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The local repository of the child builds, {@code target/it/repository}, and the settings that
 * go with it ({@code target/it/settings.xml}).
 *
 * <p>This reactor's artifacts are copied into it, as {@code mvn install} would, so the child
 * builds use the jars just built and nothing is installed into the shared {@code ~/.m2}.
 * Everything else is resolved from two remote repositories, in this order: the local
 * repository of the build running the tests, read as a {@code file:} repository (fast, and all
 * that the smaller fixtures need), then Maven Central (for what that build never downloaded,
 * such as Spring Boot). Both are for releases only, so a {@code dev.traced} snapshot can come
 * from the private repository alone. Downloads land in the private repository, never in {@code
 * ~/.m2}, and stay there for the next run until {@code mvn clean}.
 */
final class PrivateRepository {

  static final String VERSION = System.getProperty("traced.it.version");
  static final Path WORK = Path.of(System.getProperty("traced.it.work"));
  static final Path REPOSITORY = WORK.resolve("repository");
  static final Path SETTINGS = WORK.resolve("settings.xml");

  private static final Path REACTOR = Path.of(System.getProperty("traced.it.reactor"));
  private static final String CENTRAL = "https://repo.maven.apache.org/maven2";
  private static final List<String> MODULES = List.of("traced-annotations", "traced-aspects",
      "traced-catalogue", "traced-processor", "traced-spring-boot", "traced-maven-plugin");

  private static boolean prepared;

  private PrivateRepository() {}

  /** Writes the settings and copies this reactor's artifacts in; once per test JVM. */
  static synchronized void prepare() {
    if (prepared) {
      return;
    }
    try {
      Files.createDirectories(WORK);
      Path buildRepository = Path.of(System.getProperty("traced.it.buildRepository"));
      Files.writeString(SETTINGS, settings(buildRepository.toUri().toString()), UTF_8);
      install("traced-parent", REACTOR.resolve("pom.xml"), null);
      for (String module : MODULES) {
        Path target = REACTOR.resolve(module).resolve("target");
        Path jar = target.resolve(module + "-" + VERSION + ".jar");
        if (!Files.exists(jar)) {
          jar = target.resolve(module + ".jar"); // a module with its own finalName
        }
        assertThat(jar).as("the reactor's jar of %s: run mvn verify from the root", module)
            .exists();
        install(module, REACTOR.resolve(module).resolve("pom.xml"), jar);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    prepared = true;
  }

  /**
   * The build's local repository first, then Central, for dependencies and plugins alike. The
   * build's repository has no checksum files (a local repository keeps none): its files were
   * checked when they were downloaded into it.
   */
  private static String settings(String buildRepository) {
    return String.join("\n",
        "<settings>",
        "  <profiles>",
        "    <profile>",
        "      <id>build-repository-then-central</id>",
        "      <repositories>",
        repositories("repository", buildRepository),
        "      </repositories>",
        "      <pluginRepositories>",
        repositories("pluginRepository", buildRepository),
        "      </pluginRepositories>",
        "    </profile>",
        "  </profiles>",
        "  <activeProfiles>",
        "    <activeProfile>build-repository-then-central</activeProfile>",
        "  </activeProfiles>",
        "</settings>",
        "");
  }

  private static String repositories(String element, String buildRepository) {
    return repository(element, "build-local-repository", buildRepository, "ignore")
        + repository(element, "central", CENTRAL, "warn");
  }

  private static String repository(String element, String id, String url,
      String checksumPolicy) {
    return String.join("\n",
        "        <" + element + ">",
        "          <id>" + id + "</id>",
        "          <url>" + url + "</url>",
        "          <releases><checksumPolicy>" + checksumPolicy + "</checksumPolicy></releases>",
        "          <snapshots><enabled>false</enabled></snapshots>",
        "        </" + element + ">",
        "");
  }

  private static void install(String artifactId, Path pom, Path jar) throws IOException {
    Path dir = REPOSITORY.resolve("dev/traced").resolve(artifactId).resolve(VERSION);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifactId + "-" + VERSION + ".pom"),
        StandardCopyOption.REPLACE_EXISTING);
    if (jar != null) {
      Files.copy(jar, dir.resolve(artifactId + "-" + VERSION + ".jar"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
