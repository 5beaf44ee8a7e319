package dev.traced.it;

import dev.traced.Traced;
import java.io.IOException;
import java.util.List;

/** Traced methods of every shape the weave must handle; each returns what it was given. */
public class Shapes {

  @Traced(name = "shapes.instance", attrs = "text = text")
  public String instance(String text) {
    return "instance:" + text;
  }

  @Traced(attrs = "number = number")
  public static int staticMethod(int number) {
    return number * 2;
  }

  public String callPrivate(String text) {
    return privateMethod(text);
  }

  @Traced(name = "shapes.private", attrs = "text = text")
  private String privateMethod(String text) {
    return "private:" + text;
  }

  @Traced(name = "shapes.final")
  public final String finalMethod() {
    return "final";
  }

  @Traced(name = "shapes.overload.int", attrs = "value = value")
  public String overload(int value) {
    return "int:" + value;
  }

  @Traced(name = "shapes.overload.long", attrs = "value = value")
  public String overload(long value) {
    return "long:" + value;
  }

  @Traced(name = "shapes.overload.string", attrs = "value = value")
  public String overload(String value) {
    return "string:" + value;
  }

  @Traced(name = "shapes.generic", attrs = "text = text")
  public <T extends CharSequence> T generic(T text) {
    return text;
  }

  @Traced(name = "shapes.generic.list")
  public <T> List<T> genericList(List<T> items) {
    return items;
  }

  @Traced(name = "shapes.max")
  public <T extends Comparable<T>> T max(T a, T b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Traced(name = "shapes.parse")
  public <E extends Enum<E>> E parse(Class<E> type, String name) {
    return Enum.valueOf(type, name);
  }

  @Traced(name = "shapes.arrays")
  public java.util.List<String>[] arrayOfLists(java.util.List<String> only) {
    @SuppressWarnings("unchecked")
    java.util.List<String>[] result = new java.util.List[] {only};
    return result;
  }

  @Traced(name = "shapes.constant.named", attrs = "id = ID")
  public String parameterNamedLikeAConstant(String ID) {
    return ID;
  }

  @Traced(name = "shapes.varargs", attrs = "prefix = prefix")
  public String varargs(String prefix, String... parts) {
    return prefix + String.join(",", parts);
  }

  @Traced(name = "shapes.void", attrs = "text = text")
  public void voidMethod(String text, StringBuilder sink) {
    sink.append(text);
  }

  @Traced(name = "shapes.long")
  public long primitiveLong(long value) {
    return value + 1;
  }

  @Traced(name = "shapes.double")
  public double primitiveDouble(double value) {
    return value / 2;
  }

  @Traced(name = "shapes.boolean")
  public boolean primitiveBoolean(boolean value) {
    return !value;
  }

  @Traced(name = "shapes.char")
  public char primitiveChar(char value) {
    return Character.toUpperCase(value);
  }

  @Traced(name = "shapes.checked", attrs = "fail = fail")
  public String checked(boolean fail) throws IOException {
    if (fail) {
      throw new IOException("checked failure");
    }
    return "ok";
  }

  @Traced(name = "shapes.throwable")
  public void throwsThrowable(Throwable toThrow) throws Throwable {
    throw toThrow;
  }

  @Traced(name = "shapes.generic.throws")
  public <E extends Exception> void genericThrows(E toThrow) throws E {
    throw toThrow;
  }

  @Traced(name = "shapes.runtime")
  public int unchecked(RuntimeException toThrow) {
    throw toThrow;
  }

  /** A static nested class. */
  public static class Nested {
    @Traced(attrs = "text = text")
    public String nested(String text) {
      return "nested:" + text;
    }
  }

  /** An inner class, with access to its outer instance. */
  public class Inner {
    @Traced
    public String inner() {
      return "inner:" + Shapes.this.getClass().getSimpleName();
    }
  }

  /** A private nested type, used in a traced signature. */
  private static final class Secret {
    final String value;

    Secret(String value) {
      this.value = value;
    }
  }

  public String callWithSecret(String value) {
    return withSecret(new Secret(value));
  }

  @Traced(name = "shapes.secret")
  private String withSecret(Secret secret) {
    return secret.value;
  }
}
