package shop;

import dev.traced.Traced;

final class Audit {

  /** Writes an audit record. */
  @Traced(attrs = "audit.id = id")
  static void record(String id) {}
}
