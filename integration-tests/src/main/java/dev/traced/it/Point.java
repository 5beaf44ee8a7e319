package dev.traced.it;

import dev.traced.Traced;

/** A record with a traced method and a traced accessor. */
public record Point(long x, long y) {

  @Traced(name = "point.shift", attrs = {"dx = dx", "dy = dy"})
  public Point shift(long dx, long dy) {
    return new Point(x + dx, y + dy);
  }

  @Override
  @Traced(name = "point.x")
  public long x() {
    return x;
  }
}
