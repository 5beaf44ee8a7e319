package dev.traced.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Converts arrays and collections into the lists that OpenTelemetry's array attributes take.
 * Generated aspects call the overload that matches the value's declared type, chosen at compile
 * time. Null elements are left out (an attribute array has no place for them); the argument
 * itself is never null, the generated code checks it first.
 */
public final class AttributeValues {

  private AttributeValues() {}

  /** Strings, other {@code CharSequence}s or {@code Character}s, as strings. */
  public static List<String> strings(Collection<?> values) {
    List<String> list = new ArrayList<>(values.size());
    for (Object value : values) {
      if (value != null) {
        list.add(value.toString());
      }
    }
    return list;
  }

  /** Strings, other {@code CharSequence}s or {@code Character}s, as strings. */
  public static List<String> strings(Object[] values) {
    List<String> list = new ArrayList<>(values.length);
    for (Object value : values) {
      if (value != null) {
        list.add(value.toString());
      }
    }
    return list;
  }

  /** Characters, each as a one-character string. */
  public static List<String> strings(char[] values) {
    List<String> list = new ArrayList<>(values.length);
    for (char value : values) {
      list.add(String.valueOf(value));
    }
    return list;
  }

  /** Enum constants, by name. */
  public static List<String> names(Collection<? extends Enum<?>> values) {
    List<String> list = new ArrayList<>(values.size());
    for (Enum<?> value : values) {
      if (value != null) {
        list.add(value.name());
      }
    }
    return list;
  }

  /** Enum constants, by name. */
  public static List<String> names(Enum<?>[] values) {
    List<String> list = new ArrayList<>(values.length);
    for (Enum<?> value : values) {
      if (value != null) {
        list.add(value.name());
      }
    }
    return list;
  }

  public static List<Boolean> booleans(Collection<Boolean> values) {
    List<Boolean> list = new ArrayList<>(values.size());
    for (Boolean value : values) {
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  public static List<Boolean> booleans(Boolean[] values) {
    List<Boolean> list = new ArrayList<>(values.length);
    for (Boolean value : values) {
      if (value != null) {
        list.add(value);
      }
    }
    return list;
  }

  public static List<Boolean> booleans(boolean[] values) {
    List<Boolean> list = new ArrayList<>(values.length);
    for (boolean value : values) {
      list.add(value);
    }
    return list;
  }

  /** Integral numbers ({@code Byte}, {@code Short}, {@code Integer}, {@code Long}) as longs. */
  public static List<Long> longs(Collection<? extends Number> values) {
    List<Long> list = new ArrayList<>(values.size());
    for (Number value : values) {
      if (value != null) {
        list.add(value.longValue());
      }
    }
    return list;
  }

  /** Integral numbers ({@code Byte}, {@code Short}, {@code Integer}, {@code Long}) as longs. */
  public static List<Long> longs(Number[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (Number value : values) {
      if (value != null) {
        list.add(value.longValue());
      }
    }
    return list;
  }

  public static List<Long> longs(long[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (long value : values) {
      list.add(value);
    }
    return list;
  }

  public static List<Long> longs(int[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (int value : values) {
      list.add((long) value);
    }
    return list;
  }

  public static List<Long> longs(short[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (short value : values) {
      list.add((long) value);
    }
    return list;
  }

  public static List<Long> longs(byte[] values) {
    List<Long> list = new ArrayList<>(values.length);
    for (byte value : values) {
      list.add((long) value);
    }
    return list;
  }

  /** Floating-point numbers ({@code Float}, {@code Double}) as doubles. */
  public static List<Double> doubles(Collection<? extends Number> values) {
    List<Double> list = new ArrayList<>(values.size());
    for (Number value : values) {
      if (value != null) {
        list.add(value.doubleValue());
      }
    }
    return list;
  }

  /** Floating-point numbers ({@code Float}, {@code Double}) as doubles. */
  public static List<Double> doubles(Number[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (Number value : values) {
      if (value != null) {
        list.add(value.doubleValue());
      }
    }
    return list;
  }

  public static List<Double> doubles(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double value : values) {
      list.add(value);
    }
    return list;
  }

  public static List<Double> doubles(float[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (float value : values) {
      list.add((double) value);
    }
    return list;
  }
}
