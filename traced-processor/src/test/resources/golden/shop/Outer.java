package shop;

import dev.traced.Traced;

/** Golden input: aspects of nested classes are named after the whole nesting path. */
class Outer {

  static class Inner {

    @Traced(attrs = "shop.depth = 1")
    void shallow() {}

    class Deep {

      @Traced(attrs = "shop.depth = 2")
      Outer deep(Inner inner) {
        return null;
      }
    }
  }
}
