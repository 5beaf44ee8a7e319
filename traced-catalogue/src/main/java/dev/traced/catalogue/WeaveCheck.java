package dev.traced.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether every {@code @Traced} method in a classes directory was woven. A weave that is left out
 * or pointed at the wrong directory fails silently: the build succeeds and the application never
 * makes a span. This check reads the class files themselves: a method that carries
 * {@code @Traced} (kept in the class file, retention CLASS) must have the body ajc weaves next to
 * it, a method {@code <name>_aroundBody<n>$advice} that takes the generated aspect.
 */
public final class WeaveCheck {

  /** The method ajc makes of an inlined around advice: {@code place_aroundBody1$advice}. */
  private static final Pattern ADVICE = Pattern.compile("(.+)_aroundBody\\d+\\$advice");

  /**
   * A {@code @Traced} method whose class was not woven.
   *
   * @param className its class, as the catalogue writes it ({@code shop.Orders.Line})
   * @param method the method with its erased parameter types ({@code place(java.lang.String)})
   * @param spanName the name of its span in the catalogue, or null when the catalogue does not
   *     list it: then the traced processor did not run on its class either
   * @param classFile its class file, relative to the classes directory, with {@code /}
   *     separators ({@code shop/Orders$Line.class})
   */
  public record Unwoven(String className, String method, String spanName, String classFile) {

    /** One line for a build log. */
    public String describe() {
      return spanName == null
          ? className + "." + method + " carries @Traced, but neither the traced processor nor"
              + " the weave ran on it"
          : className + " was not woven: span \"" + spanName + "\" of " + className + "."
              + method + " would never be recorded";
    }
  }

  /**
   * What {@link #check} found.
   *
   * @param tracedMethods how many {@code @Traced} methods the class files hold
   * @param unwoven those of them that were not woven, in class and method order
   */
  public record Result(int tracedMethods, List<Unwoven> unwoven) {
    public Result {
      unwoven = List.copyOf(unwoven);
    }
  }

  private WeaveCheck() {}

  /**
   * Reads every class file under {@code classes}. {@code catalogue} names the spans of methods
   * that were not woven; it may be empty.
   */
  public static Result check(Path classes, Catalogue catalogue) throws IOException {
    Map<String, String> spanNames = new HashMap<>();
    for (Catalogue.Span span : catalogue.spans()) {
      spanNames.put(span.className() + "#" + span.method().replace("...", "[]"), span.name());
    }
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(classes)) {
      classFiles = files.filter(f -> f.toString().endsWith(".class"))
          .sorted(Comparator.comparing(f -> className(classes.relativize(f).toString())))
          .toList();
    }
    List<Unwoven> unwoven = new ArrayList<>();
    int traced = 0;
    for (Path classFile : classFiles) {
      List<ClassFileMethods.Method> methods;
      try {
        methods = ClassFileMethods.read(Files.readAllBytes(classFile));
      } catch (IOException e) {
        throw new IOException(classFile + ": " + e.getMessage(), e);
      }
      traced += (int) methods.stream().filter(ClassFileMethods.Method::traced).count();
      String relative = classes.relativize(classFile).toString().replace('\\', '/');
      String className = className(relative);
      for (ClassFileMethods.Method method : unwovenIn(methods)) {
        String signature = method.name() + parameters(method.descriptor());
        unwoven.add(new Unwoven(
            className, signature, spanNames.get(className + "#" + signature), relative));
      }
    }
    return new Result(traced, unwoven);
  }

  /**
   * The traced methods of one class that lack their woven advice. ajc numbers the advice bodies,
   * not by signature, so overloads are counted by name: fewer advice bodies than traced methods
   * of that name means some were not woven, and all of them are reported.
   */
  private static List<ClassFileMethods.Method> unwovenIn(List<ClassFileMethods.Method> methods) {
    Map<String, Integer> adviceByName = new HashMap<>();
    Map<String, Integer> tracedByName = new HashMap<>();
    for (ClassFileMethods.Method method : methods) {
      Matcher advice = ADVICE.matcher(method.name());
      if (advice.matches() && method.descriptor().contains("_Traced;")) {
        adviceByName.merge(advice.group(1), 1, Integer::sum);
      }
      if (method.traced()) {
        tracedByName.merge(method.name(), 1, Integer::sum);
      }
    }
    List<ClassFileMethods.Method> unwoven = new ArrayList<>();
    for (ClassFileMethods.Method method : methods) {
      if (method.traced()
          && adviceByName.getOrDefault(method.name(), 0) < tracedByName.get(method.name())) {
        unwoven.add(method);
      }
    }
    return unwoven;
  }

  /** {@code shop/Orders$Line.class} as the catalogue writes it: {@code shop.Orders.Line}. */
  private static String className(String relative) {
    String path = relative.replace('\\', '/');
    return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('$', '.');
  }

  /** {@code (Ljava/lang/String;[I)V} as {@code (java.lang.String, int[])}. */
  static String parameters(String descriptor) {
    List<String> types = new ArrayList<>();
    int i = 1;
    while (descriptor.charAt(i) != ')') {
      int dimensions = 0;
      while (descriptor.charAt(i) == '[') {
        dimensions++;
        i++;
      }
      String type;
      char c = descriptor.charAt(i);
      if (c == 'L') {
        int end = descriptor.indexOf(';', i);
        type = descriptor.substring(i + 1, end).replace('/', '.').replace('$', '.');
        i = end + 1;
      } else {
        type = switch (c) {
          case 'Z' -> "boolean";
          case 'B' -> "byte";
          case 'C' -> "char";
          case 'S' -> "short";
          case 'I' -> "int";
          case 'J' -> "long";
          case 'F' -> "float";
          case 'D' -> "double";
          default -> throw new IllegalArgumentException("bad descriptor " + descriptor);
        };
        i++;
      }
      types.add(type + "[]".repeat(dimensions));
    }
    return "(" + String.join(", ", types) + ")";
  }
}
