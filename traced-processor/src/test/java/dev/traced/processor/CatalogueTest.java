package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.compileWithJavacEnvironment;
import static dev.traced.processor.TestSources.contents;
import static dev.traced.processor.TestSources.source;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.traced.catalogue.Catalogue;
import dev.traced.catalogue.CatalogueJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import dev.traced.processor.diagnostics.Message;
import dev.traced.processor.validation.SemanticConventions;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The span catalogue the processor writes into the class output: the four files byte for byte
 * against goldens in {@code src/test/resources/golden/catalogue/}, their determinism, the
 * topology, and the Weaver registry read back as YAML.
 *
 * <p>When the catalogue changes on purpose: {@code mvn -pl traced-processor -am test
 * -Dtest=CatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dtraced.golden.update=true},
 * then read the diff.
 */
class CatalogueTest {

  private static final boolean UPDATE = Boolean.getBoolean("traced.golden.update");

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "catalogue");

  private static final List<String> SOURCES =
      List.of("shop/Orders.java", "shop/Payments.java", "shop/Audit.java");

  private static final Map<String, String> FILES =
      Map.of(
          Catalogue.JSON_FILE, "spans.json",
          Catalogue.MARKDOWN_FILE, "spans.md",
          Catalogue.WEAVER_FILE, "spans.yaml",
          Catalogue.WEAVER_MANIFEST_FILE, "manifest.yaml");

  @Test
  void filesMatchTheGoldens() throws IOException {
    Compilation compilation = compileShop(SOURCES);
    assertThat(compilation).succeededWithoutWarnings();
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      String actual = written(compilation, file.getKey());
      if (UPDATE) {
        Files.writeString(GOLDEN.resolve(file.getValue()), actual, UTF_8);
        continue;
      }
      assertThat(actual)
          .as("%s (see the class comment to update)", file.getKey())
          .isEqualTo(resource("golden/catalogue/" + file.getValue()));
    }
  }

  @Test
  void jsonFollowsTheSchemaAndReadsBackToTheSameCatalogue() {
    String json = written(compileShop(SOURCES), Catalogue.JSON_FILE);
    assertThat(json).startsWith("{\n  \"format\": \"traced-span-catalogue\",\n  \"version\": 1,\n");
    Catalogue catalogue = CatalogueJson.read(json);
    assertThat(CatalogueJson.write(catalogue)).isEqualTo(json);

    assertThat(catalogue.spans()).extracting(Catalogue.Span::name)
        .containsExactly("Audit.record", "Orders.charge", "Payments.refund", "order.place",
            "payments.pay", "payments.settle");
    Catalogue.Span place = catalogue.byId("shop.Orders#place(shop.Orders.Order, int, java.lang.String)");
    assertThat(place.kind()).isEqualTo("SERVER");
    assertThat(place.className()).isEqualTo("shop.Orders");
    assertThat(place.sourceFile()).isEqualTo("shop/Orders.java");
    assertThat(place.line()).isEqualTo(22); // the line with the method's name
    assertThat(place.description())
        .isEqualTo("Places an order for a customer, with quantity items.");
    assertThat(place.end()).isEqualTo("RETURN");
    assertThat(place.attributes())
        .containsExactly(
            new Catalogue.Attribute("shop.channel", "string", "literal", "'web'", false, "none", ""),
            new Catalogue.Attribute("shop.order.id", "string", "path", "order.id", true, "none", ""),
            new Catalogue.Attribute("shop.items", "long", "parameter", "quantity", false, "none", ""),
            new Catalogue.Attribute(
                "http.request.method", "string", "parameter", "method", true, "stable", ""),
            new Catalogue.Attribute("shop.total", "long", "return", "return.total", true, "none", ""));

    Catalogue.Span charge = catalogue.byId("shop.Orders#charge(shop.Orders.Order)");
    assertThat(charge.description()).isEqualTo("Charges the order's total|all of it.");
    assertThat(charge.attributes().get(0).semconv()).isEqualTo("deprecated");
    assertThat(charge.attributes().get(0).deprecation()).isNotEmpty();
    Catalogue.Span pay = catalogue.byId("shop.Payments#pay(java.lang.String, int)");
    assertThat(pay.attributes()).extracting(Catalogue.Attribute::semconv)
        .containsExactly("stable", "incubating", "none");
    Catalogue.Span settle = catalogue.byId("shop.Payments#settle()");
    assertThat(settle.end()).isEqualTo("COMPLETION_STAGE");
    assertThat(settle.newTrace()).isTrue();
    assertThat(settle.expectedExceptions()).containsExactly("java.util.NoSuchElementException");
  }

  @Test
  void topologyHasTheDirectCallsToTracedMethods() {
    Catalogue catalogue =
        CatalogueJson.read(written(compileShop(SOURCES), Catalogue.JSON_FILE));
    // unqualified, through a field, static; not the call inside the lambda (refund)
    assertThat(catalogue.byId("shop.Orders#place(shop.Orders.Order, int, java.lang.String)")
            .children())
        .containsExactly(
            "shop.Audit#record(java.lang.String)",
            "shop.Orders#charge(shop.Orders.Order)",
            "shop.Payments#pay(java.lang.String, int)");
    assertThat(catalogue.byId("shop.Payments#pay(java.lang.String, int)").children()).isEmpty();
  }

  @Test
  void topologyFollowsParametersLocalsThisAndNewObjects() {
    JavaFileObject source =
        source(
            "p.Calls",
            "package p;",
            "import dev.traced.Traced;",
            "class Calls {",
            "  @Traced void a(Calls other) {",
            "    other.b();",
            "    Calls local = this;",
            "    local.c(1);",
            "    var made = new Calls();",
            "    made.d();",
            "    this.a(null);",
            "    new Calls().e();",
            "    java.util.List.of(1).forEach(x -> f());",
            "    other.toString().length();",
            "  }",
            "  @Traced void b() {}",
            "  @Traced void c(int x) {}",
            "  @Traced void c(String x, String y) {}",
            "  @Traced void d() {}",
            "  @Traced void e() {}",
            "  @Traced void f() {}",
            "}");
    Compilation compilation = compileWithJavacEnvironment(source);
    assertThat(compilation).succeededWithoutWarnings();
    Catalogue catalogue = CatalogueJson.read(written(compilation, Catalogue.JSON_FILE));
    assertThat(catalogue.byId("p.Calls#a(p.Calls)").children())
        .containsExactly("p.Calls#a(p.Calls)", "p.Calls#b()", "p.Calls#c(int)", "p.Calls#d()",
            "p.Calls#e()");
  }

  @Test
  void sameInputGivesTheSameBytesWhateverTheSourceOrder() {
    Compilation first = compileShop(SOURCES);
    Compilation again = compileShop(SOURCES);
    Compilation reversed =
        compileShop(List.of("shop/Audit.java", "shop/Payments.java", "shop/Orders.java"));
    for (String file : FILES.keySet()) {
      assertThat(written(again, file)).as(file).isEqualTo(written(first, file));
      assertThat(written(reversed, file)).as(file).isEqualTo(written(first, file));
    }
  }

  @Test
  void aModuleWithoutTracedMethodsGetsAnEmptyCatalogue() {
    Compilation compilation =
        compileWithJavacEnvironment(source("p.Plain", "package p;", "class Plain {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(written(compilation, Catalogue.JSON_FILE))
        .isEqualTo("{\n  \"format\": \"traced-span-catalogue\",\n  \"version\": 1,\n"
            + "  \"spans\": []\n}\n");
    assertThat(written(compilation, Catalogue.WEAVER_FILE)).endsWith("groups: []\n");
    assertThat(written(compilation, Catalogue.WEAVER_MANIFEST_FILE))
        .contains("name: \"traced\"\n").doesNotContain("dependencies");
    assertThat(written(compilation, Catalogue.MARKDOWN_FILE))
        .contains("This module has no `@Traced` methods.");
  }

  @Test
  @SuppressWarnings("unchecked")
  void weaverRegistryParsesBackWithItsFields() {
    String yaml = written(compileShop(SOURCES), Catalogue.WEAVER_FILE);
    Map<String, Object> root = new Yaml().load(yaml);
    assertThat(root).containsOnlyKeys("groups");
    List<Map<String, Object>> groups = (List<Map<String, Object>>) root.get("groups");
    Map<String, Map<String, Object>> byId =
        groups.stream().collect(Collectors.toMap(g -> (String) g.get("id"), g -> g));
    assertThat(byId).containsOnlyKeys("registry.traced", "span.Audit.record",
        "span.Orders.charge", "span.Payments.refund", "span.order.place", "span.payments.pay",
        "span.payments.settle");

    Map<String, Object> registry = byId.get("registry.traced");
    assertThat(registry.get("type")).isEqualTo("attribute_group");
    List<Map<String, Object>> own = (List<Map<String, Object>>) registry.get("attributes");
    // only keys of our own are defined; convention keys are referenced
    assertThat(own).extracting(a -> a.get("id"))
        .containsExactly("audit.id", "shop.amount", "shop.channel", "shop.items", "shop.order.id",
            "shop.total");
    Map<String, Object> items = own.get(3);
    assertThat(items).containsEntry("type", "int").containsEntry("stability", "development");
    assertThat(items.get("brief")).isInstanceOf(String.class);
    assertThat(own.get(2)).containsEntry("examples", List.of("web"));

    Map<String, Object> place = byId.get("span.order.place");
    assertThat(place).containsEntry("type", "span").containsEntry("span_kind", "server")
        .containsEntry("stability", "development")
        .containsEntry("brief", "Places an order for a customer, with quantity items.");
    List<Map<String, Object>> attributes = (List<Map<String, Object>>) place.get("attributes");
    assertThat(attributes).extracting(a -> a.get("ref"))
        .containsExactly("shop.channel", "shop.order.id", "shop.items", "http.request.method",
            "shop.total");
    assertThat(attributes.get(0)).containsEntry("requirement_level", "required");
    assertThat((Map<String, Object>) attributes.get(1).get("requirement_level"))
        .containsOnlyKeys("conditionally_required");
    assertThat(((Map<String, Object>) place.get("annotations")).get("traced"))
        .isEqualTo(Map.of("span_name", "order.place",
            "methods", List.of("shop.Orders#place(shop.Orders.Order, int, java.lang.String)")));
    assertThat(byId.get("span.payments.pay")).containsEntry("span_kind", "client");
    assertThat(byId.get("span.Payments.refund")).containsEntry("attributes", List.of())
        .containsEntry("brief", "Span of Payments.refund(String).");
  }

  @Test
  @SuppressWarnings("unchecked")
  void weaverManifestNamesTheRegistryAndTheConventionsItDependsOn() {
    Compilation compilation = compileShop(SOURCES);
    Map<String, Object> manifest =
        new Yaml().load(written(compilation, Catalogue.WEAVER_MANIFEST_FILE));
    assertThat(manifest).containsOnlyKeys("name", "description", "schema_url", "dependencies");
    assertThat(manifest.get("name")).isEqualTo("shop");
    assertThat((String) manifest.get("schema_url"))
        .matches("https://traced\\.invalid/shop/[0-9a-f]{12}");
    // spans.yaml references http.request.method and others: Weaver finds them in the conventions
    // traced checked the keys against
    assertThat((List<Map<String, Object>>) manifest.get("dependencies")).containsExactly(Map.of(
        "schema_url", SemanticConventions.schemaUrl(),
        "registry_path", "https://github.com/open-telemetry/semantic-conventions/archive/refs/tags/v"
            + SemanticConventions.schemaUrl().replaceAll(".*/", "") + ".zip[model]"));
    assertThat(written(compilation, Catalogue.WEAVER_FILE)).contains("- ref: \"http.request.method\"");
  }

  @Test
  void aFailingCompilationStillDoesNotThrow() {
    Compilation compilation =
        compileWithJavacEnvironment(
            source("p.Bad", "package p;", "import dev.traced.Traced;", "class Bad {",
                "  @Traced(attrs = \"x = nope\") void m() {}", "}"));
    assertThat(compilation).failed();
    TestSources.assertNoInternalError(compilation);
  }

  @Nested
  @Covers(Message.CATALOGUE_WRITE_FAILED)
  class WriteFailure {

    /** javac on disk, with {@code META-INF} in the class output a file: nothing can go in it. */
    @Test
    void anUnwritableClassOutputIsAnErrorPerFileNotACrash(@TempDir Path dir) throws IOException {
      Path classes = Files.createDirectories(dir.resolve("classes"));
      Files.writeString(classes.resolve("META-INF"), "not a directory");
      Files.createDirectories(dir.resolve("gen"));
      Path source = dir.resolve("Subject.java");
      Files.writeString(source, String.join("\n", "package p;", "import dev.traced.Traced;",
          "class Subject { @Traced void m() {} }"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
        JavaCompiler.CompilationTask task =
            javac.getTask(null, files, diagnostics,
                List.of("-d", classes.toString(), "-s", dir.resolve("gen").toString(),
                    "-classpath", System.getProperty("java.class.path"), "-proc:only"),
                null, files.getJavaFileObjects(source.toFile()));
        task.setProcessors(List.of(new TracedProcessor()));
        boolean ok = task.call();
        List<String> errors =
            diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
        assertThat(ok).isFalse();
        assertThat(errors).hasSize(FILES.size())
            .allMatch(e -> e.startsWith("[traced:catalogue-write-failed]"));
        assertThat(errors.get(0))
            .startsWith("[traced:catalogue-write-failed] traced could not write"
                + " META-INF/traced/spans.json in the class output: ")
            .endsWith(". The span catalogue (or the removal of an aspect whose class is gone) is"
                + " incomplete; check that the output directory is writable and has space, then"
                + " rebuild.");
        assertThat(errors).noneMatch(e -> e.contains("internal-error"));
      }
    }
  }

  private static Compilation compileShop(List<String> paths) {
    JavaFileObject[] sources =
        paths.stream()
            .map(p -> JavaFileObjects.forSourceString(
                p.replace(".java", "").replace('/', '.'), resource("golden/catalogue/" + p)))
            .toArray(JavaFileObject[]::new);
    return compileWithJavacEnvironment(sources);
  }

  private static String written(Compilation compilation, String path) {
    return compilation
        .generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .map(TestSources::contents)
        .orElseThrow(() -> new AssertionError("no " + path + " in " + compilation.generatedFiles()));
  }

  private static String resource(String name) {
    try (InputStream in = CatalogueTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new AssertionError("no test resource " + name);
      }
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
