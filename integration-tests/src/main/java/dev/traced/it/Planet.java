package dev.traced.it;

import dev.traced.Traced;

/** An enum with a traced method. */
public enum Planet {
  MERCURY(3.303e+23),
  EARTH(5.976e+24);

  private final double mass;

  Planet(double mass) {
    this.mass = mass;
  }

  @Traced(name = "planet.weight", attrs = {"planet = this_planet", "kg = kilograms"})
  public double weight(Planet this_planet, double kilograms) {
    return kilograms * mass / this_planet.mass;
  }
}
