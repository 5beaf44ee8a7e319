package dev.traced.spring.boot;

import dev.traced.Traced;

/** A traced class, built like an application's: processed and woven with the test classes. */
public class Greeter {

  @Traced(name = "greeter.greet", attrs = "greeting.name = name")
  public String greet(String name) {
    return "hello " + name;
  }
}
