package dev.traced.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.CatalogueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds of a user's project (the fixture {@code src/it/incremental}) with real Maven
 * processes, without {@code clean}, after a traced class is deleted or loses its annotations:
 * the build must succeed and neither the compiled aspect nor the catalogue may keep the old
 * spans. Before the processor removed stale aspects, the second build failed in ajc with {@code
 * cantFindType} and {@code adviceDidNotMatch}.
 *
 * <p>The child builds use a private local repository under {@code target/it}: this reactor's
 * artifacts are copied into it, and everything else is resolved from the local repository of the
 * build running this test, declared as a {@code file:} mirror of every repository; so nothing is
 * installed into the shared {@code ~/.m2} and nothing is downloaded.
 */
class IncrementalBuildIT {

  private static final String VERSION = System.getProperty("traced.it.version");
  private static final Path REACTOR = Path.of(System.getProperty("traced.it.reactor"));
  private static final Path WORK = Path.of(System.getProperty("traced.it.work"));
  private static final Path REPOSITORY = WORK.resolve("repository");
  private static final Path SETTINGS = WORK.resolve("settings.xml");

  @BeforeAll
  static void privateRepository() throws IOException {
    Files.createDirectories(WORK);
    Path shared = Path.of(System.getProperty("traced.it.sharedRepository"));
    Files.writeString(SETTINGS, String.join("\n",
        "<settings>",
        "  <mirrors>",
        "    <mirror>",
        "      <id>build-local-repository</id>",
        "      <mirrorOf>*</mirrorOf>",
        "      <url>" + shared.toUri() + "</url>",
        "    </mirror>",
        "  </mirrors>",
        "</settings>",
        ""), UTF_8);
    install("traced-parent", REACTOR.resolve("pom.xml"), null);
    for (String module : List.of("traced-annotations", "traced-aspects", "traced-catalogue",
        "traced-processor")) {
      Path target = REACTOR.resolve(module).resolve("target");
      Path jar = target.resolve(module + "-" + VERSION + ".jar");
      if (!Files.exists(jar)) {
        jar = target.resolve(module + ".jar"); // a module with its own finalName
      }
      assertThat(jar).as("the reactor's jar of %s: run mvn verify from the root", module).exists();
      install(module, REACTOR.resolve(module).resolve("pom.xml"), jar);
    }
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

  @Test
  void aDeletedTracedClassLeavesNeitherItsAspectNorItsSpans() throws IOException {
    Path project = fixture("deleted");
    build(project);
    assertThat(spanNames(project)).containsExactly("mail.send", "order.place", "stock.reserve");
    assertThat(catalogue(project).byId("shop.Orders#place(java.lang.String)").children())
        .containsExactly("shop.Stock#reserve(java.lang.String)");
    assertThat(project.resolve("target/classes/shop/Stock_Traced.class")).exists();

    Files.delete(project.resolve("src/main/java/shop/Stock.java"));
    edit(project, "shop/Orders.java", "    stock.reserve(sku);\n", "");
    edit(project, "shop/Orders.java", "  private final Stock stock = new Stock();\n", "");
    String log = build(project);

    // Maven took its incremental path (no clean): it deleted what javac wrote, then recompiled
    assertThat(log).contains("Recompiling the module because");
    assertThat(spanNames(project)).containsExactly("mail.send", "order.place");
    assertThat(project.resolve("target/classes/shop/Stock_Traced.class")).doesNotExist();
    assertThat(project.resolve("target/generated-sources/annotations/shop/Stock_Traced.aj"))
        .doesNotExist();
    assertThat(project.resolve("target/classes/shop/Orders_Traced.class")).exists();
    assertThat(Files.readString(project.resolve("target/classes/META-INF/traced/spans.md")))
        .doesNotContain("stock.reserve");
    assertThat(Files.readString(
            project.resolve("target/classes/META-INF/traced/registry/spans.yaml")))
        .doesNotContain("stock.reserve");
  }

  @Test
  void aClassThatLosesItsAnnotationsLosesItsAspectAndSpans() throws IOException {
    Path project = fixture("untraced");
    build(project);
    assertThat(project.resolve("target/classes/shop/Mail_Traced.class")).exists();

    edit(project, "shop/Mail.java", "  @Traced(name = \"mail.send\")\n", "");
    build(project);

    assertThat(spanNames(project)).containsExactly("order.place", "stock.reserve");
    assertThat(project.resolve("target/classes/shop/Mail_Traced.class")).doesNotExist();
    assertThat(project.resolve("target/classes/shop/Mail.class")).exists();
  }

  /**
   * With {@code useIncrementalCompilation=false} Maven compiles only the changed sources, so the
   * processor sees one class: the catalogue keeps the spans of the classes it did not see.
   */
  @Test
  void aPartialCompileKeepsTheSpansOfClassesItDidNotCompile() throws IOException {
    Path project = fixture("partial");
    build(project, "-Dmaven.compiler.useIncrementalCompilation=false");

    edit(project, "shop/Mail.java", "\"mail.send\"", "\"mail.deliver\"");
    String log = build(project, "-Dmaven.compiler.useIncrementalCompilation=false");

    assertThat(log).contains("Compiling 1 source file");
    assertThat(spanNames(project)).containsExactly("mail.deliver", "order.place", "stock.reserve");
    assertThat(catalogue(project).byId("shop.Orders#place(java.lang.String)").children())
        .containsExactly("shop.Stock#reserve(java.lang.String)");
  }

  /** A fresh copy of the fixture in {@code target/it/<name>}. */
  private static Path fixture(String name) throws IOException {
    Path source = Path.of(System.getProperty("traced.it.fixtures"), "incremental");
    Path project = WORK.resolve(name);
    if (Files.exists(project)) {
      try (Stream<Path> files = Files.walk(project)) {
        for (Path file : files.sorted((a, b) -> b.compareTo(a)).toList()) {
          Files.delete(file);
        }
      }
    }
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = project.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.writeString(copy, Files.readString(file).replace("@traced.version@", VERSION));
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
  private static void edit(Path project, String path, String from, String to) throws IOException {
    Path file = project.resolve("src/main/java").resolve(path);
    String text = Files.readString(file);
    assertThat(text).as(path).contains(from);
    Files.writeString(file, text.replace(from, to));
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
  }

  /** Runs {@code mvn process-classes} in {@code project}; returns its output; fails if it failed. */
  private static String build(Path project, String... extra) throws IOException {
    String mvn = Path.of(System.getProperty("traced.it.mavenHome"), "bin",
        System.getProperty("os.name").startsWith("Windows") ? "mvn.cmd" : "mvn").toString();
    List<String> command = new ArrayList<>(List.of(mvn, "-B", "-s", SETTINGS.toString(),
        "-Dmaven.repo.local=" + REPOSITORY));
    command.addAll(List.of(extra));
    command.add("process-classes");
    Path log = project.resolve("build-" + System.nanoTime() + ".log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("MAVEN_OPTS");
    Process process = builder.start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("mvn did not finish within 5 minutes; see " + log);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    String output = Files.readString(log);
    assertThat(process.exitValue())
        .as("exit status of %s in %s; output:%n%s", command, project, output)
        .isZero();
    return output;
  }

  private static Catalogue catalogue(Path project) {
    try {
      return CatalogueJson.read(
          Files.readString(project.resolve("target/classes").resolve(Catalogue.JSON_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> spanNames(Path project) {
    return catalogue(project).spans().stream().map(Catalogue.Span::name).toList();
  }
}
