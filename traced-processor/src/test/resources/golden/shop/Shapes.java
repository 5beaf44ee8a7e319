package shop;

import dev.traced.Traced;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Golden input: method shapes, each with the smallest annotation that shows it. */
class Shapes {

  @Traced
  void plain() {}

  @Traced(attrs = "shop.count = count")
  static int twice(int count) {
    return count * 2;
  }

  @Traced
  private String secret() {
    return "";
  }

  @Traced
  final void read() throws IOException, InterruptedException {}

  @Traced
  void call() throws Exception {}

  @Traced
  void anything() throws Throwable {}

  @Traced
  <E extends IOException> void rethrow() throws E {}

  @Traced(attrs = "shop.first = first")
  void tag(String first, String... rest) {}

  @Traced(attrs = "shop.text = text")
  <T extends CharSequence> T echo(T text) {
    return text;
  }

  @Traced
  List<String> names(Map<String, List<Integer>> index, int[][] grid) {
    return List.of();
  }

  @Traced(name = "find.by.id", attrs = "shop.id = id")
  void find(long id) {}

  @Traced(name = "find.by.name", attrs = "shop.id = id")
  void find(String id) {}

  @Traced(attrs = {"shop.span = span", "shop.scope = scope"})
  void clash(String span, Integer scope, RuntimeException error) {}
}
