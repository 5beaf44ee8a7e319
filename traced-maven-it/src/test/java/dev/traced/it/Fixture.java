package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's project, copied from {@code src/it} into {@code target/it/<name>} and built there by
 * a real {@code mvn} against the {@link PrivateRepository}.
 */
final class Fixture {

  /** Bounds one child build; a cold one downloads Spring Boot. */
  private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(8);

  private static final Path SOURCES = Path.of(System.getProperty("traced.it.fixtures"));

  private Fixture() {}

  /**
   * A fresh copy of the fixture directories {@code layers}, one over the other, as {@code
   * target/it/<name>}; {@code @traced.version@} in any file becomes this build's version.
   */
  static Path copy(String name, String... layers) throws IOException {
    Path project = PrivateRepository.WORK.resolve(name);
    if (Files.exists(project)) {
      try (Stream<Path> files = Files.walk(project)) {
        for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(file);
        }
      }
    }
    for (String layer : layers) {
      Path source = SOURCES.resolve(layer);
      assertThat(source).isDirectory();
      try (Stream<Path> files = Files.walk(source)) {
        for (Path file : files.toList()) {
          Path copy = project.resolve(source.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(copy);
          } else {
            Files.writeString(copy,
                Files.readString(file).replace("@traced.version@", PrivateRepository.VERSION));
          }
        }
      }
    }
    return project;
  }

  /**
   * Replaces {@code from} with {@code to} in a source file and dates it after everything the
   * last build wrote, so that Maven's staleness check sees the change whatever the clock's
   * resolution.
   */
  static void edit(Path project, String path, String from, String to) throws IOException {
    Path file = project.resolve("src/main/java").resolve(path);
    String text = Files.readString(file);
    assertThat(text).as(path).contains(from);
    Files.writeString(file, text.replace(from, to));
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
  }

  /**
   * Runs {@code mvn -B <arguments>} in {@code project} and returns its output; fails if the
   * build failed.
   */
  static String build(Path project, String... arguments)
      throws IOException, InterruptedException {
    Build build = run(project, arguments);
    assertThat(build.exit())
        .as("exit status of mvn %s in %s; output:%n%s", String.join(" ", arguments), project,
            build.output())
        .isZero();
    return build.output();
  }

  /**
   * Runs {@code mvn -B <arguments>} in {@code project} and returns its output; fails if the
   * build succeeded.
   */
  static String buildFailing(Path project, String... arguments)
      throws IOException, InterruptedException {
    Build build = run(project, arguments);
    assertThat(build.exit())
        .as("exit status of mvn %s in %s, which must fail; output:%n%s",
            String.join(" ", arguments), project, build.output())
        .isNotZero();
    return build.output();
  }

  private record Build(int exit, String output) {}

  /** Prints how long each build took, for the record of cold and warm builds. */
  private static Build run(Path project, String... arguments)
      throws IOException, InterruptedException {
    PrivateRepository.prepare();
    String mvn = Path.of(System.getProperty("traced.it.mavenHome"), "bin",
        System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn").toString();
    List<String> command = new ArrayList<>(List.of(mvn, "-B",
        "-s", PrivateRepository.SETTINGS.toString(),
        "-Dmaven.repo.local=" + PrivateRepository.REPOSITORY));
    command.addAll(List.of(arguments));
    long start = System.nanoTime();
    try (ChildProcess build = ChildProcess.start("mvn in " + project, command, project, Map.of(),
        project.resolve("build-" + System.nanoTime() + ".log"))) {
      int exit = build.awaitExit(BUILD_TIMEOUT);
      System.out.printf("[traced-maven-it] mvn %s in %s: %d s%n", String.join(" ", arguments),
          project.getFileName(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
      return new Build(exit, build.output());
    }
  }
}
