package dev.traced.it;

import dev.traced.Traced;

/** A generic class: its traced methods use the class's type variable. */
public class Box<T> {
  private T content;

  @Traced(name = "box.put")
  public Box<T> put(T content) {
    this.content = content;
    return this;
  }

  @Traced(name = "box.get")
  public T get() {
    return content;
  }
}
