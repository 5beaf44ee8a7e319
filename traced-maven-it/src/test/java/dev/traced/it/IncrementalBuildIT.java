package dev.traced.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.CatalogueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rebuilds of a user's project (the fixture {@code src/it/incremental}) with real Maven
 * processes, without {@code clean}, after a traced class is deleted or loses its annotations:
 * the build must succeed and neither the compiled aspect nor the catalogue may keep the old
 * spans. Before the processor removed stale aspects, the second build failed in ajc with {@code
 * cantFindType} and {@code adviceDidNotMatch}.
 *
 * <p>The child builds use the {@link PrivateRepository}.
 */
class IncrementalBuildIT {

  @Test
  void aDeletedTracedClassLeavesNeitherItsAspectNorItsSpans() throws Exception {
    Path project = fixture("deleted");
    build(project);
    assertThat(spanNames(project)).containsExactly("mail.send", "order.place", "stock.reserve");
    assertThat(catalogue(project).byId("shop.Orders#place(java.lang.String)").children())
        .containsExactly("shop.Stock#reserve(java.lang.String)");
    assertThat(project.resolve("target/classes/shop/Stock_Traced.class")).exists();

    Files.delete(project.resolve("src/main/java/shop/Stock.java"));
    Fixture.edit(project, "shop/Orders.java", "    stock.reserve(sku);\n", "");
    Fixture.edit(project, "shop/Orders.java", "  private final Stock stock = new Stock();\n", "");
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
  void aClassThatLosesItsAnnotationsLosesItsAspectAndSpans() throws Exception {
    Path project = fixture("untraced");
    build(project);
    assertThat(project.resolve("target/classes/shop/Mail_Traced.class")).exists();

    Fixture.edit(project, "shop/Mail.java", "  @Traced(name = \"mail.send\")\n", "");
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
  void aPartialCompileKeepsTheSpansOfClassesItDidNotCompile() throws Exception {
    Path project = fixture("partial");
    build(project, "-Dmaven.compiler.useIncrementalCompilation=false");

    Fixture.edit(project, "shop/Mail.java", "\"mail.send\"", "\"mail.deliver\"");
    String log = build(project, "-Dmaven.compiler.useIncrementalCompilation=false");

    assertThat(log).contains("Compiling 1 source file");
    assertThat(spanNames(project)).containsExactly("mail.deliver", "order.place", "stock.reserve");
    assertThat(catalogue(project).byId("shop.Orders#place(java.lang.String)").children())
        .containsExactly("shop.Stock#reserve(java.lang.String)");
  }

  /** A fresh copy of the fixture {@code src/it/incremental} in {@code target/it/<name>}. */
  private static Path fixture(String name) throws IOException {
    return Fixture.copy(name, "incremental");
  }

  /** Runs {@code mvn process-classes} in {@code project}; returns its output. */
  private static String build(Path project, String... extra)
      throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of(extra));
    arguments.add("process-classes");
    return Fixture.build(project, arguments.toArray(String[]::new));
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
