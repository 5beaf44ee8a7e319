package dev.traced.it;

import dev.traced.Traced;

/** Every supported value type, bound from parameters and literals. */
public class Values {

  public enum Color { RED, GREEN }

  @Traced(name = "values.primitives", attrs = {
      "v.boolean = aBoolean", "v.byte = aByte", "v.short = aShort", "v.int = anInt",
      "v.long = aLong", "v.float = aFloat", "v.double = aDouble", "v.char = aChar"})
  public void primitives(boolean aBoolean, byte aByte, short aShort, int anInt, long aLong,
      float aFloat, double aDouble, char aChar) {}

  @Traced(name = "values.boxed", attrs = {
      "v.boolean = aBoolean", "v.byte = aByte", "v.short = aShort", "v.int = anInt",
      "v.long = aLong", "v.float = aFloat", "v.double = aDouble", "v.char = aChar"})
  public void boxed(Boolean aBoolean, Byte aByte, Short aShort, Integer anInt, Long aLong,
      Float aFloat, Double aDouble, Character aChar) {}

  @Traced(name = "values.references", attrs = {
      "v.string = string", "v.chars = chars", "v.color = color"})
  public void references(String string, CharSequence chars, Color color) {}

  @Traced(name = "values.literals", attrs = {
      "l.string = 'it''s'", "l.long = -42", "l.double = 1.5", "l.exponent = 1e3",
      "l.true = true", "l.false = false", "l.empty = ''",
      "l.unicode = 'caf\u00e9 \u2028 \u00bd \t\\'"})
  public void literals() {}
}
