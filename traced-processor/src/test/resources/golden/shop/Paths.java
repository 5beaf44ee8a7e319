package shop;

import dev.traced.Traced;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Every kind of path: properties, the return value, Optionals, arrays and collections. */
public class Paths {

  public enum Tier { GOLD, SILVER }

  public record Address(String city, Optional<String> zip) {}

  public record Customer(String id, Address address, boolean vip, Tier tier) {}

  public interface Named {
    String name();
  }

  public record Box<T>(T value) {}

  public static class Order {
    long total;
    private final List<String> tags = List.of();

    public String getId() { return ""; }
    public boolean isGift() { return false; }
    public List<String> tags() { return tags; }
    public int[] quantities() { return new int[0]; }
    public Set<Tier> tiers() { return Set.of(); }
    public Character grade() { return 'A'; }
  }

  public record Receipt(String number, double amount, List<Long> lines) {}

  @Traced(attrs = {
      "shop.order.id = order.id",
      "shop.order.gift = order.gift",
      "shop.order.total = order.total",
      "shop.order.tags = order.tags",
      "shop.order.quantities = order.quantities",
      "shop.order.tiers = order.tiers",
      "shop.order.grade = order.grade",
      "shop.customer.city = customer.address.city",
      "shop.customer.vip = customer.vip",
      "shop.customer.tier = customer.tier",
      "shop.receipt.number = return.number",
      "shop.receipt.amount = return.amount",
      "shop.receipt.lines = return.lines"})
  public Receipt place(Order order, Customer customer) {
    return new Receipt("r-1", 1.5, List.of());
  }

  @Traced(attrs = {
      "shop.zip = address.zip",
      "shop.priority = priority",
      "shop.tier = tier",
      "shop.cities = cities"})
  public void ship(Address address, OptionalInt priority, Optional<Tier> tier, String[] cities) {}

  @Traced(attrs = {"shop.item = item.name", "shop.box = box.value", "shop.label = return"})
  public <T extends Named> String label(T item, Box<String> box) {
    return item.name();
  }

  @Traced(attrs = {"shop.count = return", "shop.items = items", "shop.first = return.length"})
  public int[] counts(List<String> items) {
    return new int[0];
  }
}
