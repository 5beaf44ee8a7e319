package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Projects set up by traced-maven-plugin as a build extension, the README's way, built by a real
 * {@code mvn} against the {@link PrivateRepository}: the build runs the traced processor (after
 * Lombok, where the project has it), weaves, passes the weave check, and the woven method then
 * really makes a span, in a JVM of its own with an OpenTelemetry SDK ({@code src/it/plugin-app}).
 * And a manual setup that leaves the weave out fails the build with the check's message.
 */
class MavenPluginIT {

  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);
  /** What plugin-app's Main prints for the span of {@code Orders.place(new Order("book-1", 2))}. */
  private static final String SPAN = "span order.place INTERNAL dev.traced"
      + " {shop.item.quantity=2 (LONG), shop.item.sku=book-1 (STRING)}";

  /** Maven 3.8's own maven-compiler-plugin, 3.1, has no processor path: the plugin replaces it. */
  @Test
  void aPlainProjectIsWovenCheckedAndMakesSpans() throws Exception {
    Path project = Fixture.copy("plugin-plain", "plugin-app", "plugin-plain");
    String log = build(project);

    assertThat(log)
        .contains("[traced] plain: maven-compiler-plugin 3.14.0 instead of 3.1")
        .contains("[traced] plain: processor path: traced-processor " + PrivateRepository.VERSION
            + ", after the dependencies javac would have searched for processors");
    assertWovenAndTraced(project, log);
  }

  /** The README's way with Lombok: in the project's own processor path, traced's after it. */
  @Test
  void lombokInTheProjectsProcessorPathRunsBeforeTraced() throws Exception {
    Path project = Fixture.copy("plugin-lombok", "plugin-app", "plugin-lombok");
    String log = build(project);

    assertThat(log).contains("[traced] lombok: processor path: traced-processor "
        + PrivateRepository.VERSION + ", after the processors your pom lists");
    assertWovenAndTraced(project, log);
  }

  /**
   * Lombok as a plain dependency and no processor path: javac would have found Lombok on the
   * class path, so the processor path the plugin adds lists the dependencies first.
   */
  @Test
  void lombokOnTheClassPathAloneStillRunsBeforeTraced() throws Exception {
    Path project = Fixture.copy("plugin-lombok-class-path",
        "plugin-app", "plugin-lombok", "plugin-lombok-class-path");
    String log = build(project);

    assertThat(log).contains("[traced] lombok-class-path: processor path: traced-processor "
        + PrivateRepository.VERSION
        + ", after the dependencies javac would have searched for processors");
    // ajc, which finds Lombok on the class path too, must not run it again
    assertThat(log).doesNotContain("lombok will not work");
    assertWovenAndTraced(project, log);
  }

  /**
   * The manual setup of docs/build.md with check-weave bound but aspectj-maven-plugin left out:
   * the build used to succeed and ship classes that never make a span.
   */
  @Test
  void aManualSetupWithoutTheWeaveFailsNamingEachUnwovenClassAndSpan() throws Exception {
    Path project = Fixture.copy("broken-weave", "incremental", "broken-weave");
    String log = Fixture.buildFailing(project, "process-classes");

    Path classes = project.resolve("target/classes").toAbsolutePath();
    assertThat(log.lines()).containsSubsequence(
        "[ERROR] Failed to execute goal dev.traced:traced-maven-plugin:" + PrivateRepository.VERSION
            + ":check-weave (default) on project broken-weave: 3 of 3 @Traced methods in "
            + classes + " were not woven:",
        "[ERROR]   shop.Mail was not woven: span \"mail.send\" of shop.Mail.send() would never"
            + " be recorded",
        "[ERROR]   shop.Orders was not woven: span \"order.place\" of"
            + " shop.Orders.place(java.lang.String) would never be recorded",
        "[ERROR]   shop.Stock was not woven: span \"stock.reserve\" of"
            + " shop.Stock.reserve(java.lang.String) would never be recorded",
        "[ERROR] Their aspects were not woven into them: aspectj-maven-plugin must run in"
            + " process-classes, compile the generated .aj files and weave " + classes
            + " in place (<weaveDirectories>), or let traced-maven-plugin with"
            + " <extensions>true</extensions> set it up.");
  }

  /**
   * Runs the build up to the weave and its check ({@code process-classes}), and writes the
   * run-time class path to {@code target/classpath.txt}.
   */
  private static String build(Path project) throws IOException, InterruptedException {
    return Fixture.build(project, "process-classes",
        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
        "-Dmdep.outputFile=target/classpath.txt", "-Dmdep.includeScope=runtime");
  }

  /**
   * The check ran and passed, ajc's argument file stayed out of the classes, and Main, run on
   * the woven classes, prints the span of {@code Orders.place} with its typed attributes.
   */
  private static void assertWovenAndTraced(Path project, String log)
      throws IOException, InterruptedException {
    assertThat(log).contains("[traced] all 1 @Traced methods are woven");
    assertThat(project.resolve("target/classes/builddef.lst")).doesNotExist();

    String classPath = project.resolve("target/classes") + File.pathSeparator
        + Files.readString(project.resolve("target/classpath.txt")).trim();
    try (ChildProcess main = ChildProcess.start("shop.Main in " + project,
        List.of(ChildProcess.java(), "-cp", classPath, "shop.Main"), project, Map.of(),
        project.resolve("main.log"))) {
      assertThat(main.awaitExit(RUN_TIMEOUT)).as(main.output()).isZero();
      assertThat(main.output().lines()).containsExactly(SPAN, "placed");
    }
  }
}
