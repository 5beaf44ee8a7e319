package dev.traced.demo.shop;

import dev.traced.Traced;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulated client of a remote payment provider. */
public class PaymentService {

  /** How a customer pays. An enum attribute is recorded as its {@code name()}, e.g. "CARD". */
  public enum Method { CARD, INVOICE }

  private final AtomicInteger lastPaymentNumber = new AtomicInteger(5000);

  /**
   * Charges the customer; in a real shop this would be an HTTP call, so the span kind is CLIENT.
   * Literal attributes ({@code 'text'}, numbers, {@code true}) describe the fixed remote end.
   */
  @Traced(name = "payments.charge", kind = Traced.Kind.CLIENT, attrs = {
      "server.address = 'payments.example.com'",
      "server.port = 443",
      "payment.sandbox = true",
      "payment.method = method",
      "payment.amount_cents = amountInCents"})
  public String charge(String customerId, long amountInCents, Method method) {
    return "pay-" + lastPaymentNumber.incrementAndGet();
  }
}
