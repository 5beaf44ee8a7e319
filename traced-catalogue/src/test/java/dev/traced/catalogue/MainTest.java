package dev.traced.catalogue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static dev.traced.catalogue.TestSpans.attribute;
import static dev.traced.catalogue.TestSpans.span;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue tool as a user runs it: arguments in, text and an exit status out. */
class MainTest {

  @TempDir Path dir;

  /** A small module: checkout calls reserve and charge. */
  private static Catalogue shop() {
    return new Catalogue(List.of(
        span("a.Shop#checkout(java.lang.String)", "checkout", "SERVER",
            List.of(attribute("shop.customer.id", "string"), attribute("shop.items", "long")),
            List.of("a.Stock#reserve(int)", "a.Pay#charge(long)")),
        span("a.Stock#reserve(int)", "stock.reserve", "INTERNAL",
            List.of(attribute("shop.items", "long")), List.of()),
        span("a.Pay#charge(long)", "payments.charge", "CLIENT",
            List.of(attribute("payment.amount", "long")), List.of())));
  }

  /** {@link #shop()} with one span replaced. */
  private static Catalogue changed(String id, UnaryOperator<Catalogue.Span> change) {
    List<Catalogue.Span> spans = new ArrayList<>();
    for (Catalogue.Span span : shop().spans()) {
      Catalogue.Span replaced = span.id().equals(id) ? change.apply(span) : span;
      if (replaced != null) {
        spans.add(replaced);
      }
    }
    return new Catalogue(spans);
  }

  private record Result(int status, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    return new Result(status, out.toString(UTF_8), err.toString(UTF_8));
  }

  /** The command exited with 0 and printed exactly {@code lines}. */
  private static void assertPrints(Result result, String... lines) {
    assertThat(result.status()).as("exit status; %s", result.err()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo(String.join("\n", lines) + "\n");
  }

  private Path json(String name, Catalogue catalogue) throws IOException {
    return Files.writeString(dir.resolve(name + ".json"), CatalogueJson.write(catalogue), UTF_8);
  }

  private Result diff(Catalogue old, Catalogue now) throws IOException {
    return run("diff", json("old", old).toString(), json("new", now).toString());
  }

  @Test
  void noChangeIsExitZero() throws IOException {
    Result result = diff(shop(), shop());
    assertThat(result.status()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo("0 breaking changes, 0 additions\n");
  }

  @Test
  void removedSpanIsBreaking() throws IOException {
    Result result = diff(shop(), changed("a.Stock#reserve(int)", s -> null));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out()).isEqualTo(
        "BREAKING  span \"stock.reserve\" removed (was a.Stock#reserve(int))\n"
            + "1 breaking change, 0 additions\n");
  }

  @Test
  void renamedSpanIsBreaking() throws IOException {
    Result result = diff(shop(), changed("a.Stock#reserve(int)", s -> span(s.id(),
        "inventory.reserve", s.kind(), s.attributes(), s.children())));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out()).isEqualTo(
        "BREAKING  span \"stock.reserve\" renamed to \"inventory.reserve\" (a.Stock#reserve(int))\n"
            + "1 breaking change, 0 additions\n");
  }

  @Test
  void kindChangeIsBreaking() throws IOException {
    Result result = diff(shop(), changed("a.Pay#charge(long)", s -> span(s.id(), s.name(),
        "INTERNAL", s.attributes(), s.children())));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out()).contains(
        "BREAKING  span \"payments.charge\": kind changed from CLIENT to INTERNAL\n");
  }

  @Test
  void removedAttributeIsBreaking() throws IOException {
    Result result = diff(shop(), changed("a.Shop#checkout(java.lang.String)", s -> span(s.id(),
        s.name(), s.kind(), List.of(attribute("shop.items", "long")), s.children())));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out()).isEqualTo(
        "BREAKING  span \"checkout\": attribute \"shop.customer.id\" removed\n"
            + "1 breaking change, 0 additions\n");
  }

  @Test
  void attributeTypeChangeIsBreaking() throws IOException {
    Result result = diff(shop(), changed("a.Pay#charge(long)", s -> span(s.id(), s.name(),
        s.kind(), List.of(attribute("payment.amount", "double")), s.children())));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out()).isEqualTo(
        "BREAKING  span \"payments.charge\": attribute \"payment.amount\" changed type from long"
            + " to double\n1 breaking change, 0 additions\n");
  }

  @Test
  void additionsAreReportedButNotBreaking() throws IOException {
    List<Catalogue.Span> spans = new ArrayList<>(changed("a.Pay#charge(long)", s -> span(s.id(),
        s.name(), s.kind(), List.of(attribute("payment.amount", "long"),
            attribute("payment.currency", "string")), s.children())).spans());
    spans.add(span("a.Mail#send()", "mail.send", "PRODUCER", List.of(), List.of()));
    Result result = diff(shop(), new Catalogue(spans));
    assertThat(result.status()).isEqualTo(Main.OK);
    assertThat(result.out()).isEqualTo(
        "added     span \"mail.send\" added (a.Mail#send())\n"
            + "added     span \"payments.charge\": attribute \"payment.currency\" (string) added\n"
            + "0 breaking changes, 2 additions\n");
  }

  @Test
  void breakingChangesComeFirstAndAllAreListed() throws IOException {
    List<Catalogue.Span> spans = new ArrayList<>(changed("a.Stock#reserve(int)", s -> null).spans());
    spans.add(span("a.Mail#send()", "mail.send", "PRODUCER", List.of(), List.of()));
    Result result = diff(shop(), new Catalogue(spans));
    assertThat(result.status()).isEqualTo(Main.BREAKING);
    assertThat(result.out().lines().toList()).containsExactly(
        "BREAKING  span \"stock.reserve\" removed (was a.Stock#reserve(int))",
        "added     span \"mail.send\" added (a.Mail#send())",
        "1 breaking change, 1 addition");
  }

  @Test
  void showPrintsATableOfAJar() throws IOException {
    Path jar = dir.resolve("shop.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      zip.putNextEntry(new ZipEntry(Catalogue.JSON_FILE));
      zip.write(CatalogueJson.write(shop()).getBytes(UTF_8));
      zip.closeEntry();
    }
    assertPrints(run("show", jar.toString()),
        "SPAN             KIND      ATTRIBUTES                               METHOD                 ENDS",
        "checkout         SERVER    shop.customer.id:string shop.items:long  Shop.checkout(String)  on return",
        "payments.charge  CLIENT    payment.amount:long                      Pay.charge(long)       on return",
        "stock.reserve    INTERNAL  shop.items:long                          Stock.reserve(int)     on return",
        "3 spans; \"?\" marks an attribute a span can lack");
  }

  @Test
  void showMergesAClassPathOfDirectoriesAndSkipsEntriesWithoutACatalogue() throws IOException {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve(Catalogue.DIRECTORY));
    Files.writeString(classes.resolve(Catalogue.JSON_FILE), CatalogueJson.write(shop()), UTF_8);
    Path other = json("other", new Catalogue(List.of(
        span("b.Mail#send()", "mail.send", "PRODUCER", List.of(), List.of()))));
    Path untraced = Files.createDirectories(dir.resolve("untraced"));
    Result result = run("show", "--format", "json",
        String.join(File.pathSeparator, classes.toString(), other.toString(), untraced.toString()));
    assertThat(result.status()).isEqualTo(Main.OK);
    assertThat(CatalogueJson.read(result.out()).spans()).extracting(Catalogue.Span::name)
        .containsExactly("checkout", "mail.send", "payments.charge", "stock.reserve");
  }

  @Test
  void showDrawsTheTree() throws IOException {
    assertPrints(run("show", "--tree", json("shop", shop()).toString()),
        "checkout [SERVER]  Shop.checkout(String)",
        "├── payments.charge [CLIENT]  Pay.charge(long)",
        "└── stock.reserve [INTERNAL]  Stock.reserve(int)");
  }

  @Test
  void showDrawsTheMermaidDiagramOfTheSameCalls() throws IOException {
    Result result = run("show", "--format", "mermaid", json("shop", shop()).toString());
    assertPrints(result,
        "flowchart LR",
        "  n1[\"checkout<br>SERVER\"]",
        "  n2[\"payments.charge<br>CLIENT\"]",
        "  n3[\"stock.reserve<br>INTERNAL\"]",
        "  n1 --> n2",
        "  n1 --> n3");
    assertThat(run("show", "--format=mermaid", json("shop", shop()).toString()).out())
        .isEqualTo(result.out());
  }

  @Test
  void treeMarksRecursionAndChildrenFromElsewhere() throws IOException {
    Catalogue catalogue = new Catalogue(List.of(
        span("a.A#a()", "a", "INTERNAL", List.of(), List.of("a.A#a()", "a.B#b()")),
        span("a.B#b()", "b", "INTERNAL", List.of(), List.of("a.A#a()", "z.Z#z()"))));
    // a and b call each other: a is no one's root but is reachable only through the cycle
    assertThat(CatalogueText.tree(catalogue, false)).isEqualTo(String.join("\n",
        "a [INTERNAL]  A.a()",
        "├── a [INTERNAL]  A.a()  (recursive)",
        "└── b [INTERNAL]  B.b()",
        "    ├── a [INTERNAL]  A.a()  (recursive)",
        "    └── z.Z#z()  (not in this catalogue)",
        "b [INTERNAL]  B.b()",
        "├── a [INTERNAL]  A.a()",
        "│   ├── a [INTERNAL]  A.a()  (recursive)",
        "│   └── b [INTERNAL]  B.b()  (recursive)",
        "└── z.Z#z()  (not in this catalogue)",
        ""));
  }

  @Test
  void showMarkdownIsTheSpansMdTable() throws IOException {
    Result result = run("show", "--format=markdown", json("shop", shop()).toString());
    assertThat(result.out()).isEqualTo(CatalogueText.markdown(shop()))
        .contains("| `checkout` | SERVER | `Shop.checkout(String)` (Shop.java:10) |");
  }

  @Test
  void usageErrorsAndUnreadableCataloguesAreExitTwo() throws IOException {
    assertThat(run().status()).isEqualTo(Main.USAGE);
    assertThat(run("frobnicate").status()).isEqualTo(Main.USAGE);
    assertThat(run("diff", "only-one").status()).isEqualTo(Main.USAGE);
    Result xml = run("show", "--format", "xml", json("a", shop()).toString());
    assertThat(xml.status()).isEqualTo(Main.USAGE);
    assertThat(xml.err())
        .isEqualTo("unknown format \"xml\": use table, markdown, json, tree or mermaid\n");
    Result missing = run("show", dir.resolve("nope.jar").toString());
    assertThat(missing.status()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("nope.jar: no such file or directory");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThat(run("show", empty.toString()).err()).contains("no span catalogue");
    Path newer = Files.writeString(dir.resolve("newer.json"),
        "{\"format\": \"traced-span-catalogue\", \"version\": 2, \"spans\": []}");
    Result tooNew = run("show", newer.toString());
    assertThat(tooNew.status()).isEqualTo(Main.USAGE);
    assertThat(tooNew.err()).contains("catalogue version 2 is newer than this tool reads (1)");
    Result help = run("--help");
    assertThat(help.status()).isEqualTo(Main.OK);
    assertThat(help.out()).contains("show [--format table|markdown|json|tree|mermaid] PATH");
  }
}
