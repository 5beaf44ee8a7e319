package dev.traced.catalogue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weave check on class files compiled here. A woven class is imitated: ajc leaves, next to
 * each traced method {@code m}, a method {@code m_aroundBody<n>$advice} that takes the aspect,
 * and so does {@link #WOVEN} by hand.
 */
class WeaveCheckTest {

  @TempDir Path classes;

  private static final String WOVEN = """
      package shop;
      import dev.traced.Traced;
      public class Orders {
        @Traced(name = "order.place") public void place(String id) {}
        @Traced public static int count(int[][] grid, Orders.Line line) { return 0; }
        static final class Line {}
        private static void place_aroundBody1$advice(Orders o, String id, Orders_Traced a) {}
        private static int count_aroundBody3$advice(int[][] g, Line l, Orders_Traced a) {
          return 0;
        }
      }
      class Orders_Traced {}
      """;

  private static final String UNWOVEN = """
      package shop;
      import dev.traced.Traced;
      public class Stock {
        @Traced(name = "stock.reserve") public void reserve(String sku, int quantity) {}
        public void untraced() {}
        public static class Shelf {
          @Traced public void fill(long[] counts) {}
        }
      }
      """;

  private static final String ONE_OVERLOAD_WOVEN = """
      package shop;
      import dev.traced.Traced;
      public class Mail {
        @Traced public void send(String to) {}
        @Traced public void send(String to, String cc) {}
        private static void send_aroundBody1$advice(Mail m, String to, Mail_Traced a) {}
      }
      class Mail_Traced {}
      """;

  private static final Catalogue CATALOGUE = new Catalogue(List.of(
      span("shop.Orders#place(java.lang.String)", "order.place"),
      span("shop.Orders#count(int[][], shop.Orders.Line)", "Orders.count"),
      span("shop.Stock#reserve(java.lang.String, int)", "stock.reserve"),
      span("shop.Stock.Shelf#fill(long[])", "Shelf.fill")));

  @Test
  void aWovenClassPasses() throws IOException {
    compile(WOVEN);
    WeaveCheck.Result result = WeaveCheck.check(classes, CATALOGUE);
    assertThat(result.tracedMethods()).isEqualTo(2);
    assertThat(result.unwoven()).isEmpty();
  }

  @Test
  void everyTracedMethodOfAClassThatWasNotWovenIsNamedWithItsSpan() throws IOException {
    compile(WOVEN, UNWOVEN);
    WeaveCheck.Result result = WeaveCheck.check(classes, CATALOGUE);
    assertThat(result.tracedMethods()).isEqualTo(4);
    assertThat(result.unwoven()).containsExactly(
        new WeaveCheck.Unwoven("shop.Stock", "reserve(java.lang.String, int)", "stock.reserve",
            "shop/Stock.class"),
        new WeaveCheck.Unwoven("shop.Stock.Shelf", "fill(long[])", "Shelf.fill",
            "shop/Stock$Shelf.class"));
    assertThat(result.unwoven().get(0).describe()).isEqualTo(
        "shop.Stock was not woven: span \"stock.reserve\" of"
            + " shop.Stock.reserve(java.lang.String, int) would never be recorded");
  }

  @Test
  void aTracedMethodTheCatalogueLacksIsOneTheProcessorNeverSaw() throws IOException {
    compile(UNWOVEN);
    WeaveCheck.Result result = WeaveCheck.check(classes, new Catalogue(List.of()));
    assertThat(result.unwoven()).extracting(WeaveCheck.Unwoven::describe).containsExactly(
        "shop.Stock.reserve(java.lang.String, int) carries @Traced, but neither the traced"
            + " processor nor the weave ran on it",
        "shop.Stock.Shelf.fill(long[]) carries @Traced, but neither the traced processor nor"
            + " the weave ran on it");
  }

  @Test
  void overloadsAreCountedByName() throws IOException {
    compile(ONE_OVERLOAD_WOVEN);
    assertThat(WeaveCheck.check(classes, CATALOGUE).unwoven())
        .extracting(WeaveCheck.Unwoven::method)
        .containsExactly("send(java.lang.String)", "send(java.lang.String, java.lang.String)");
  }

  @Test
  void descriptorsReadAsTheCatalogueWritesParameters() {
    assertThat(WeaveCheck.parameters("()V")).isEqualTo("()");
    assertThat(WeaveCheck.parameters("(ZBCSIJFD)V"))
        .isEqualTo("(boolean, byte, char, short, int, long, float, double)");
    assertThat(WeaveCheck.parameters("([[Ljava/util/Map$Entry;[I)Ljava/lang/String;"))
        .isEqualTo("(java.util.Map.Entry[][], int[])");
  }

  @Test
  void theToolExitsWithOneAndNamesTheClassWhenAMethodWasNotWoven() throws IOException {
    compile(WOVEN, UNWOVEN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"verify", classes.toString()},
        new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));

    assertThat(status).isEqualTo(Main.UNWOVEN);
    assertThat(err.toString(UTF_8)).contains(
        "NOT WOVEN  shop.Stock.reserve(java.lang.String, int) carries @Traced");
    assertThat(out.toString(UTF_8)).isEqualTo("2 of 4 traced methods not woven\n");
  }

  @Test
  void theToolExitsWithZeroWhenAllAreWoven() throws IOException {
    compile(WOVEN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"verify", classes.toString()},
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream()));
    assertThat(status).isEqualTo(Main.OK);
    assertThat(out.toString(UTF_8)).isEqualTo("0 of 2 traced methods not woven\n");
  }

  private static Catalogue.Span span(String id, String name) {
    String className = id.substring(0, id.indexOf('#'));
    return new Catalogue.Span(id, name, "INTERNAL", className, id.substring(id.indexOf('#') + 1),
        "shop/X.java", 1, "", "RETURN", false, List.of(), List.of(), List.of());
  }

  /** Compiles {@code sources} (one top-level public class each) into {@link #classes}. */
  private void compile(String... sources) throws IOException {
    Path sourceDir = Files.createTempDirectory(classes.getParent(), "sources");
    List<String> arguments = new ArrayList<>(List.of(
        "-d", classes.toString(), "-cp", System.getProperty("java.class.path")));
    for (String source : sources) {
      String name = source.substring(source.indexOf("public class ") + 13).split("\\s")[0];
      Path file = sourceDir.resolve(name + ".java");
      Files.writeString(file, source, UTF_8);
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, null, diagnostics, arguments.toArray(String[]::new));
    assertThat(status).as(diagnostics.toString(UTF_8)).isZero();
  }
}
