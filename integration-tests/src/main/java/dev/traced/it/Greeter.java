package dev.traced.it;

import dev.traced.Traced;

/** Interface methods with bodies: default, static and private. */
public interface Greeter {

  String name();

  @Traced(name = "greeter.greet", attrs = "greeting = greeting")
  default String greet(String greeting) {
    return decorate(greeting + ", " + name());
  }

  @Traced(name = "greeter.shout", attrs = "text = text")
  static String shout(String text) {
    return text.toUpperCase(java.util.Locale.ROOT);
  }

  @Traced(name = "greeter.decorate")
  private String decorate(String text) {
    return "<" + text + ">";
  }
}
