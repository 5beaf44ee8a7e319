package shop;

import dev.traced.Traced;
import java.util.concurrent.TimeUnit;

/** Golden input: every parameter conversion, the null-guarded ones and the direct ones. */
class Conversions {

  enum Channel { WEB, STORE }

  @Traced(
      attrs = {
        "v.string = string",
        "v.boolean = bool",
        "v.boolean_box = boolBox",
        "v.byte = b",
        "v.short = s",
        "v.int = i",
        "v.long = l",
        "v.long_box = lBox",
        "v.double = d",
        "v.double_box = dBox",
        "v.float = f",
        "v.char = c"
      })
  void direct(
      String string,
      boolean bool,
      Boolean boolBox,
      byte b,
      short s,
      int i,
      long l,
      Long lBox,
      double d,
      Double dBox,
      float f,
      char c) {}

  @Traced(
      attrs = {
        "g.byte_box = bBox",
        "g.short_box = sBox",
        "g.int_box = iBox",
        "g.float_box = fBox",
        "g.char_box = cBox",
        "g.chars = chars",
        "g.builder = builder",
        "g.channel = channel",
        "g.unit = unit"
      })
  void guarded(
      Byte bBox,
      Short sBox,
      Integer iBox,
      Float fBox,
      Character cBox,
      CharSequence chars,
      StringBuilder builder,
      Channel channel,
      TimeUnit unit) {}

  /** Mixes a literal, a direct and a guarded value; reuses keys of the other methods. */
  @Traced(
      attrs = {"v.string = string", "shop.mode = 'test'", "v.int = count", "g.channel = channel"})
  void mixed(String string, Integer count, Channel channel) {}

  /** The same key as another type, and two keys that would make the same constant name. */
  @Traced(attrs = {"v.string = number", "shop.order_id = a", "shop.order.id = b"})
  void collisions(long number, String a, String b) {}
}
