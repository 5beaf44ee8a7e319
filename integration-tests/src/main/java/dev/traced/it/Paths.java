package dev.traced.it;

import dev.traced.Traced;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Attributes read through paths: properties of parameters, the return value, Optionals, arrays
 * and collections, and accessors that return null or throw.
 */
public class Paths {

  public enum Tier { GOLD, SILVER }

  public record Address(String city, String zip) {}

  public record Customer(String id, Address address, boolean vip, Tier tier) {}

  /** A plain class: a getter, an is-getter, a field, and an accessor that can fail. */
  public static class Order {
    final long total;
    private final String id;
    private final boolean gift;
    private final boolean broken;
    /** How many times an accessor was called, to prove each is called at most once. */
    int reads;

    public Order(String id, long total, boolean gift, boolean broken) {
      this.id = id;
      this.total = total;
      this.gift = gift;
      this.broken = broken;
    }

    public String getId() {
      reads++;
      return id;
    }

    public boolean isGift() {
      return gift;
    }

    public String risk() {
      reads++;
      if (broken) {
        throw new IllegalStateException("risk service down");
      }
      return "low";
    }
  }

  public record Receipt(String number, double amount, List<Long> lines) {
    /** An accessor of the result that fails. */
    public String fragile() {
      throw new UnsupportedOperationException("not today");
    }
  }

  @Traced(name = "paths.place", attrs = {
      "shop.order.id = order.id",
      "shop.order.gift = order.gift",
      "shop.order.total = order.total",
      "shop.order.risk = order.risk",
      "shop.customer.city = customer.address.city",
      "shop.customer.vip = customer.vip",
      "shop.customer.tier = customer.tier",
      "shop.receipt.number = return.number",
      "shop.receipt.amount = return.amount",
      "shop.receipt.lines = return.lines"})
  public Receipt place(Order order, Customer customer) {
    return new Receipt("r-" + order.total, order.total / 2.0, List.of(1L, 2L));
  }

  @Traced(name = "paths.refuse", attrs = {"shop.order.id = order.id", "shop.number = return.number"})
  public Receipt refuse(Order order) {
    throw new IllegalArgumentException("refused " + order.id);
  }

  @Traced(name = "paths.fragile", attrs = {"shop.fragile = return.fragile", "shop.number = return.number"})
  public Receipt fragile() {
    return new Receipt("r-9", 9, List.of());
  }

  @Traced(name = "paths.nothing", attrs = {"shop.number = return.number", "shop.lines = return.lines"})
  public Receipt nothing() {
    return null;
  }

  @Traced(name = "paths.optionals", attrs = {
      "o.text = text", "o.tier = tier", "o.count = count", "o.int = anInt", "o.long = aLong",
      "o.double = aDouble"})
  public void optionals(Optional<String> text, Optional<Tier> tier, Optional<Integer> count,
      OptionalInt anInt, OptionalLong aLong, OptionalDouble aDouble) {}

  @Traced(name = "paths.sequences", attrs = {
      "s.strings = strings", "s.tiers = tiers", "s.ints = ints", "s.doubles = doubles",
      "s.flags = flags", "s.names = names", "s.counts = counts", "s.chars = chars",
      "s.ratios = ratios", "s.size = names.size", "s.length = ints.length"})
  public void sequences(String[] strings, Tier[] tiers, int[] ints, double[] doubles,
      boolean[] flags, List<String> names, Collection<Integer> counts, char[] chars,
      Set<Float> ratios) {}

  @Traced(name = "paths.generic", attrs = {"g.value = box.get", "g.y = point.y"})
  public void generic(Box<String> box, Point point) {}

  /** The advice holds a type-variable result as an Object; the path still sees its bound. */
  @Traced(name = "paths.pick", attrs = {"p.picked = return", "p.ordinal = return.ordinal"})
  public <E extends Enum<E>> E pick(E choice) {
    return choice;
  }

  /**
   * Steps that only read, on values whose other members change them (queue.poll, counter
   * incrementAndGet are refused steps): the method sees its arguments exactly as the caller
   * passed them.
   */
  @Traced(name = "paths.drain", attrs = {
      "q.size = queue.size", "q.head = queue.peek", "q.items = queue", "c.value = counter.get",
      "d.taken = return"})
  public String drain(Queue<String> queue, AtomicInteger counter) {
    counter.incrementAndGet();
    return queue.poll();
  }

  /** Parameter names that would hide what the advice uses, were they its formals' names. */
  @Traced(name = "paths.awkward", attrs = {"a.c = c", "a.java = java", "a.string = String"})
  public int awkward(char c, boolean String, long TracedOpenTelemetry, String thisJoinPoint,
      int java) {
    return java;
  }
}
