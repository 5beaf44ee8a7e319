package dev.traced.it;

import dev.traced.Traced;
import java.io.IOException;

public class Orders {

  public enum Channel { WEB, PHONE }

  @Traced(name = "orders.place", kind = Traced.Kind.SERVER,
      attrs = {"shop.order.id = orderId", "shop.items = count", "shop.channel = channel", "shop.source = 'it'"})
  public String place(String orderId, int count, Channel channel) {
    return reserve(orderId) + ":" + count;
  }

  @Traced(attrs = "shop.order.id = orderId")
  String reserve(String orderId) {
    return "reserved-" + orderId;
  }

  @Traced
  public static long total(long a, Long b) throws IOException {
    if (a < 0) {
      throw new IOException("negative");
    }
    return a + (b == null ? 0 : b);
  }
}
