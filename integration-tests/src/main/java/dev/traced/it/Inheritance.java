package dev.traced.it;

import dev.traced.Traced;

/** Overrides: each traced method gets its own span, and only where @Traced is written. */
public final class Inheritance {

  private Inheritance() {}

  /** The base class; its method is traced. */
  public static class Base {
    @Traced(name = "base.describe")
    public String describe() {
      return "base";
    }
  }

  /** Overrides with its own @Traced and calls the base: two spans, child inside parent. */
  public static class TracedOverride extends Base {
    @Override
    @Traced(name = "override.describe")
    public String describe() {
      return "override>" + super.describe();
    }
  }

  /** Overrides without @Traced: only the base method's execution is traced. */
  public static class PlainOverride extends Base {
    @Override
    public String describe() {
      return "plain>" + super.describe();
    }
  }

  /** Overrides without @Traced and never calls the base: no span at all. */
  public static class SilentOverride extends Base {
    @Override
    public String describe() {
      return "silent";
    }
  }
}
