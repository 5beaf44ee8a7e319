package dev.traced.processor.fuzz;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes one random Java source with {@code @Traced} methods. The Java is valid, apart from the
 * annotation values (which are random and often malformed) and, in a few sources marked {@link
 * FuzzSource#unknownType()}, a type or constant that does not exist.
 *
 * <p>Each source declares the same helper types, nested in its top-level type, so that property
 * paths have something real to walk: recursive types ({@code record Node(Node next, String id)},
 * a {@code Tree} with {@code parent()} and {@code children()}, a {@code Deep} record with arrays
 * and Optionals of itself), a generic {@code Box<V>}, an enum, records of records, an F-bounded
 * {@code Rec<R extends Rec<R>>}, and classes whose properties are ambiguous, oddly named or
 * throw.
 *
 * <p>About a third of the sources are "clean": their entries are meant to be valid (awkward only
 * in their literal text and names), so that the aspect writer sees the awkward text too. The rest
 * mix valid entries with every kind of malformed one.
 *
 * <p>The source of number {@code index} depends only on {@code seed} and {@code index}, so any
 * single source can be regenerated.
 */
public final class SourceGenerator {

  /** Helper types nested in every top-level type (valid in a class, interface, enum, record). */
  private static final String HELPERS =
      """
        record Node(Node next, String id) {}
        static class Tree {
          public int depth;
          Tree parent() { return null; }
          List<Tree> children() { return List.of(); }
          String getName() { return "tree"; }
          boolean isLeaf() { return true; }
        }
        static class Box<V> {
          public V value;
          V value() { return value; }
          V get() { return value; }
          Optional<V> maybe() { return Optional.ofNullable(value); }
        }
        enum Color { RED, GREEN; String label() { return "c"; } }
        record Address(String city, int zip, Optional<String> line2) {}
        record Customer(String id, String email, Address address, Color favorite) {}
        record Order(Customer customer, List<String> skus, long[] quantities, Color color,
            Map<String, Integer> extras, Box<Customer> boxed, Optional<Customer> payer) {}
        record Deep(Deep next, Deep[] more, Optional<Deep> maybe, String id, int n) {}
        static final class Rec<R extends Rec<R>> {
          R self() { return null; }
          String getId() { return "r"; }
        }
        interface Named {
          String name();
          default String getName() { return name(); }
        }
        static class Weird {
          public String x = "field";
          String x() { return "method"; }
          String getX() { return "getter"; }
          boolean isX() { return true; }
        }
        static class Getters {
          private String hidden = "h";
          String getURL() { return "u"; }
          String get() { return "g"; }
          boolean is() { return true; }
          Boolean isBoxed() { return null; }
          String getPassword() { return "p"; }
          static String getStatik() { return "s"; }
          String getWithArgument(int i) { return "a"; }
          void getNothing() {}
        }
        static class Throwing {
          String value() { throw new IllegalStateException("boom"); }
          String getChecked() throws Exception { throw new Exception("checked"); }
        }
      """;

  /** For each type that paths can walk: its properties and their types ("name:Type" pairs). */
  private static final Map<String, String[]> PROPERTIES = new HashMap<>();

  static {
    property("Node", "next:Node", "id:String");
    property("Tree", "parent:Tree", "children:List<Tree>", "name:String", "leaf:boolean",
        "depth:int");
    property("Box<String>", "value:String", "get:String", "maybe:Optional<String>");
    property("Box<Node>", "value:Node", "get:Node", "maybe:Optional<Node>");
    property("Box<Customer>", "value:Customer", "get:Customer", "maybe:Optional<Customer>");
    property("Box<?>", "value:Object", "get:Object");
    property("Box<? extends Number>", "value:Number", "get:Number");
    property("Order", "customer:Customer", "skus:List<String>", "quantities:long[]",
        "color:Color", "extras:Map<String, Integer>", "boxed:Box<Customer>",
        "payer:Optional<Customer>");
    property("Customer", "id:String", "email:String", "address:Address", "favorite:Color");
    property("Address", "city:String", "zip:int", "line2:Optional<String>");
    property("Deep", "next:Deep", "more:Deep[]", "maybe:Optional<Deep>", "id:String", "n:int");
    property("Color", "label:String", "name:String", "ordinal:int");
    property("Weird", "x:String");
    property("Getters", "URL:String", "uRL:String", "url:String", "boxed:Boolean",
        "password:String", "hidden:String", "statik:String", "withArgument:String",
        "nothing:void", "class:Class");
    property("Throwing", "value:String", "checked:String");
    property("Rec<?>", "self:Object", "id:String");
    property("Named", "name:String");
    property("String", "length:int", "empty:boolean", "blank:boolean", "bytes:byte[]",
        "class:Class");
    property("Optional<String>", "present:boolean", "empty:boolean");
    property("Optional<Node>", "present:boolean", "empty:boolean");
    property("Optional<Customer>", "present:boolean", "empty:boolean");
    property("List<String>", "size:int", "empty:boolean");
    property("List<Tree>", "size:int", "empty:boolean");
    property("List<Node>", "size:int", "empty:boolean");
    property("long[]", "length:int", "clone:long[]");
    property("int[]", "length:int");
    property("Deep[]", "length:int");
    property("Node[]", "length:int");
    property("Object", "class:Class", "hashCode:int", "toString:String");
    property("Map<String, Integer>", "size:int", "empty:boolean", "keySet:Set<String>");
    property("Class", "name:String", "simpleName:String", "enum:boolean");
  }

  private static void property(String type, String... properties) {
    PROPERTIES.put(type, properties);
  }

  /** Parameter types whose values are attribute types (or their boxes). */
  private static final String[] SCALAR_TYPES = {
    "String", "String", "String", "int", "int", "long", "boolean", "double", "float", "char",
    "byte", "short", "Integer", "Long", "Boolean", "Character", "Double", "CharSequence",
    "StringBuilder", "Color"
  };

  /** Parameter types that need a path, or have no attribute type at all. */
  private static final String[] OTHER_TYPES = {
    "Object", "Number", "Node", "Node", "Tree", "Tree", "Box<String>", "Box<Node>",
    "Box<Customer>", "Box<?>", "Box<? extends Number>", "Order", "Order", "Customer", "Address",
    "Deep", "Deep", "Rec<?>", "Named", "Weird", "Getters", "Throwing", "Optional<String>",
    "Optional<Node>", "Optional<Customer>", "Optional<Optional<String>>", "OptionalInt",
    "OptionalLong", "OptionalDouble", "String[]", "int[]", "long[]", "long[][]", "Node[]",
    "Deep[]", "Color[]", "char[]", "byte[]", "Optional<String>[]", "List<String>", "List<Node>",
    "List<Tree>", "Set<Long>", "Collection<Color>", "Iterable<String>", "Map<String, Integer>",
    "Map<String, Node>", "List<List<String>>", "List<? extends CharSequence>",
    "Map.Entry<String, Integer>", "java.util.concurrent.CompletableFuture<String>", "Void",
    "java.time.Instant", "java.util.UUID", "Throwable", "Runnable",
    "java.util.function.Supplier<String>", "Class<?>", "Comparable<String>",
    "java.math.BigDecimal", "java.util.concurrent.atomic.AtomicLong"
  };

  /** Types a value may have to be bound directly: scalars, their Optionals, arrays, collections. */
  private static final Set<String> BINDABLE =
      Set.of(
          "String", "int", "long", "boolean", "double", "float", "char", "byte", "short",
          "Integer", "Long", "Boolean", "Character", "Double", "CharSequence", "StringBuilder",
          "Color", "Optional<String>", "OptionalInt", "OptionalLong", "OptionalDouble",
          "List<String>", "Set<Long>", "Collection<Color>", "String[]", "int[]", "long[]",
          "Color[]");

  /** Parameter names that make the sensitive-data guard fire whatever the key. */
  private static final java.util.regex.Pattern SENSITIVE_NAME =
      java.util.regex.Pattern.compile(
          "(?i).*(pass|token|mail|secret|key|auth|cookie|phone|ssn|card).*");

  /** Component types of a varargs parameter (reifiable, so javac does not warn). */
  private static final String[] VARARGS_TYPES = {
    "String", "int", "long", "Node", "Color", "Object", "CharSequence", "Deep"
  };

  /** Type parameters of a generic method, with the type its properties come from. */
  private static final String[][] METHOD_TYPE_PARAMETERS = {
    {"<X>", "Object"},
    {"<X extends Node>", "Node"},
    {"<X extends CharSequence & Comparable<X>>", "String"},
    {"<X extends Enum<X>>", "Color"},
    {"<X extends Rec<X>>", "Rec<?>"},
    {"<X extends Number>", "Object"},
    {"<X extends Deep>", "Deep"},
  };

  private static final String[] PARAMETER_NAMES = {
    "id", "orderId", "count", "order", "node", "tree", "box", "value", "customer", "address",
    "deep", "items", "color", "amount", "x", "y", "z", "_x", "$", "$x", "a1", "名前", "π",
    "ñandú", "Ωmega", "ǅx", "span", "scope", "error", "tracer", "spanBuilder", "proceed",
    "thisJoinPoint", "thisJoinPointStaticPart", "aspect", "pointcut", "privileged", "args",
    "target", "execution", "before", "after", "around", "declare", "result", "Node", "String",
    "SHOP_ORDER_ID", "shop", "it", "password", "token", "email", "url", "record", "var",
    "yield", "sealed", "permits", "module", "returnValue", "ret", "self", "I", "ı"
  };

  private static final String[] METHOD_NAMES = {
    "checkout", "place", "find", "charge", "reserve", "run", "handle", "process", "get", "apply",
    "call", "visit", "walk", "m", "go", "é", "naïve", "数", "π", "_do", "$act", "proceed",
    "around", "aspect", "execution", "span", "tracer", "getName", "isReady", "main"
  };

  private static final String[] SAFE_KEYS = {
    "shop.order.id", "shop.items", "shop.channel", "app.user_id", "app.retry.count",
    "inventory.sku", "payment.amount_cents", "a", "a.b", "x1.y_2", "shop.order_id",
    "shop_order.id", "shop.order.id_", "q", "deep.path.value", "app.flag", "app.ratio"
  };

  private static final String[] SEMCONV_KEYS = {
    "http.request.method", "http.response.status_code", "server.port", "server.address",
    "db.system.name", "db.system", "http.method", "http.status_code", "net.peer.name",
    "messaging.system", "error.type", "code.function.name", "url.full", "user_agent.original",
    "exception.message", "enduser.id", "thread.id", "rpc.method", "http.url", "db.statement"
  };

  private static final String[] SENSITIVE_KEYS = {
    "user.password", "auth.token", "app.api_key", "http.request.header.authorization",
    "session.cookie", "payment.credit_card", "user.ssn", "user.email", "user.phone",
    "db.password", "app.secret", "oauth.access_token", "shop.card.number", "app.apikey",
    "user.passwd", "jwt"
  };

  private static final String[] VALID_NUMBERS = {
    "0", "-0", "42", "-7", "9223372036854775807", "-9223372036854775808", "1.5", "-0.25", "1e3",
    "1E-3", ".5", "5.", "4.9e-324", "1.7976931348623157e308", "-0.0", "000123", "007",
    "2.2250738585072014E-308", "1e+308", "0.000", "1.0e0", "-1.5e-7", "00.5", "1e0001"
  };

  private static final String[] INVALID_VALUES = {
    "9223372036854775808", "-9223372036854775809", "1" + "0".repeat(400), "1e400", "-1e999999",
    "1e-400", "0x1F", "1_000", "+1", "--1", "1L", "1.5f", "1d", "NaN", "Infinity", "-Infinity",
    "1e", "1e+", ".", "-", "-.", "1.2.3", "1e3.5", "0b101", "١٢٣", "１２", "'unterminated",
    "'a'b'", "'a' 'b'", "\"dq\"", "'", "'''", "TRUE", "True", "null", "nil", "undefined",
    "this", "this.x", "super", "x.class", "x[0]", "x()", "x.y()", "x?.y", "x::y", "x->y", "@x",
    "#x", "${x}", "{0}", "%s", "return.", "return..x", "ret urn", "return x", "returns",
    "Return", "RETURN", "return.class", "x..y", ".x", "x.", "x.return", "return.return",
    "i\u200Bd", "ｉｄ", "\u0069d", "id\u0000", "'\u0000", "'text", "text'", "'a''", "''''",
    "- 1", "1 2", "1,5", "1.5.", "e3", "-e3", ".e3", "0e", "--", "'x' + 'y'", "\u2212" + "1"
  };

  private static final String[] NAMES = {
    "checkout", "order.place", "payments.charge", "GET /orders/{id}", "a*/b", "/* x */", "{0}",
    "{0} {1}", "'", "''", "\"quoted\"", "back\\slash", "\\u000a", "tab\there", "line\nbreak",
    "emoji \uD83D\uDE00", "\u202Eevil", "ß", "İı", "x".repeat(2000), "%s%n", "${jndi:x}",
    "\u0000nul", "\u200B", "zero\u200Bwidth", "عربى", "עברית", "中文名", "Subject.m", "a.b.c"
  };

  private final Junk junk;
  private final int index;
  private final boolean clean;
  private final boolean staticKindImport;

  private final StringBuilder constants = new StringBuilder();
  private int spanNames;
  private int constantCount;
  private final List<String> traced = new ArrayList<>();
  private final Set<String> methodNamesAndArities = new HashSet<>();
  private int methodCounter;
  private boolean unknownType;

  private SourceGenerator(Random random, int index) {
    this.junk = new Junk(random);
    this.index = index;
    this.clean = junk.chance(0.35);
    this.staticKindImport = junk.chance(0.1);
  }

  /** The source number {@code index} of the run with {@code seed}. */
  public static FuzzSource generate(long seed, int index) {
    return new SourceGenerator(new Random(seedOf(seed, index)), index).build();
  }

  /** The seed of one source: depends on the run's seed and the source's index only. */
  static long seedOf(long seed, int index) {
    long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private enum Shape {
    CLASS,
    ABSTRACT_CLASS,
    INTERFACE,
    ENUM,
    RECORD
  }

  /** Where a method is declared, which decides the modifiers it may have. */
  private enum Place {
    CLASS,
    ABSTRACT_CLASS,
    INNER_CLASS,
    INTERFACE,
    ENUM,
    RECORD
  }

  private FuzzSource build() {
    String number = String.format("%04d", index);
    String packageName = junk.chance(0.03) ? "" : "fuzz.s" + number;
    String className =
        junk.pick(
                "OrderService", "Checkout", "Inventory", "Payments", "Shapes", "Widget",
                "Service", "Api", "Handler", "Ünïcode", "Π")
            + number;
    Shape shape =
        junk.pick(
            Shape.CLASS, Shape.CLASS, Shape.CLASS, Shape.CLASS, Shape.ABSTRACT_CLASS,
            Shape.INTERFACE, Shape.INTERFACE, Shape.ENUM, Shape.RECORD, Shape.RECORD);
    boolean genericClass =
        (shape == Shape.CLASS || shape == Shape.ABSTRACT_CLASS) && junk.chance(0.25);

    StringBuilder members = new StringBuilder();
    switch (shape) {
      case CLASS, ABSTRACT_CLASS -> {
        Place place = shape == Shape.CLASS ? Place.CLASS : Place.ABSTRACT_CLASS;
        methods(members, "  ", place, genericClass, junk.between(1, 4));
        if (junk.chance(0.05)) {
          members.append("  @Traced @Override public String toString() { return \"\"; }\n");
          traced.add("toString");
        }
        nestedTypes(members, true);
        if (junk.chance(0.15)) {
          members.append("  class Inner").append(number).append(" {\n");
          methods(members, "    ", Place.INNER_CLASS, false, junk.between(1, 2));
          members.append("  }\n");
        }
      }
      case INTERFACE -> {
        methods(members, "  ", Place.INTERFACE, false, junk.between(1, 4));
        nestedTypes(members, false);
      }
      case ENUM -> {
        methods(members, "  ", Place.ENUM, false, junk.between(1, 3));
        nestedTypes(members, false);
      }
      case RECORD -> {
        if (junk.chance(0.3)) {
          members.append("  ").append(annotation(List.of(), "String")).append("\n");
          members.append("  public String ref() { return ref; }\n");
          traced.add("ref");
        }
        methods(members, "  ", Place.RECORD, false, junk.between(1, 3));
        nestedTypes(members, false);
      }
    }
    if (traced.isEmpty()) {
      methods(members, "  ", placeOf(shape), false, 1);
    }
    if (junk.chance(0.025)) {
      injectUnknownType(members, shape);
    }

    StringBuilder out = new StringBuilder();
    if (!packageName.isEmpty()) {
      out.append("package ").append(packageName).append(";\n\n");
    }
    out.append("import dev.traced.Traced;\n");
    for (String type :
        List.of(
            "Collection", "List", "Map", "Optional", "OptionalDouble", "OptionalInt",
            "OptionalLong", "Set")) {
      out.append("import java.util.").append(type).append(";\n");
    }
    if (staticKindImport) {
      out.append("import static dev.traced.Traced.Kind.*;\n");
    }
    out.append('\n');
    if (junk.chance(0.05)) {
      out.append(suppressWarnings()).append('\n');
    }
    switch (shape) {
      case CLASS -> out.append("public class ").append(className);
      case ABSTRACT_CLASS -> out.append("public abstract class ").append(className);
      case INTERFACE -> out.append("public interface ").append(className);
      case ENUM -> out.append("public enum ").append(className);
      case RECORD ->
          out.append("public record ").append(className).append("(String ref, int total)");
    }
    if (genericClass) {
      out.append(junk.pick("<T>", "<T extends Comparable<T>>", "<T extends CharSequence>"));
    }
    out.append(" {\n");
    if (shape == Shape.ENUM) {
      out.append("  ALPHA, BETA;\n");
    }
    out.append(constants);
    out.append(HELPERS);
    out.append(members);
    out.append("}\n");
    return new FuzzSource(
        index, packageName, className, out.toString(), List.copyOf(traced), unknownType);
  }

  private static Place placeOf(Shape shape) {
    return switch (shape) {
      case CLASS -> Place.CLASS;
      case ABSTRACT_CLASS -> Place.ABSTRACT_CLASS;
      case INTERFACE -> Place.INTERFACE;
      case ENUM -> Place.ENUM;
      case RECORD -> Place.RECORD;
    };
  }

  /** Nested static types with traced methods of their own (they share the top-level aspect). */
  private void nestedTypes(StringBuilder out, boolean insideClass) {
    if (junk.chance(0.3)) {
      out.append("  static class Nested {\n");
      methods(out, "    ", Place.CLASS, false, junk.between(1, 2));
      out.append("  }\n");
    }
    if (junk.chance(0.1)) {
      out.append("  interface Api {\n");
      methods(out, "    ", Place.INTERFACE, false, junk.between(1, 2));
      out.append("  }\n");
    }
    if (junk.chance(0.08)) {
      out.append("  enum Mode {\n    ON, OFF;\n");
      methods(out, "    ", Place.ENUM, false, 1);
      out.append("  }\n");
    }
    if (junk.chance(0.08)) {
      out.append("  record Pair(String ref, int total) {\n");
      methods(out, "    ", Place.RECORD, false, 1);
      out.append("  }\n");
    }
    if (insideClass && junk.chance(0.05)) {
      out.append("  static class Outer {\n    static class Deeper {\n");
      methods(out, "      ", Place.CLASS, false, 1);
      out.append("    }\n  }\n");
    }
  }

  private void methods(StringBuilder out, String indent, Place place, boolean classTypeVar, int n) {
    for (int i = 0; i < n; i++) {
      method(out, indent, place, classTypeVar);
    }
  }

  /** A parameter: its name, how the source spells it, its type (an array for varargs). */
  private record Parameter(String name, String sourceName, String type, boolean varargs) {}

  private void method(StringBuilder out, String indent, Place place, boolean classTypeVar) {
    // Modifiers, and whether the method has a body.
    String modifiers;
    boolean body = true;
    switch (place) {
      case INTERFACE -> {
        modifiers = junk.pick("default ", "default ", "static ", "private ", "private static ", "");
        body = !modifiers.isEmpty();
      }
      case INNER_CLASS -> modifiers = junk.pick("", "private ", "final ", "public ");
      case ENUM, RECORD ->
          modifiers = junk.pick("", "public ", "private ", "static ", "final ", "synchronized ");
      default -> {
        List<String> choices =
            new ArrayList<>(
                List.of(
                    "", "", "public ", "private ", "protected ", "static ", "public static ",
                    "final ", "synchronized ", "private static ", "public final synchronized "));
        if (junk.chance(0.04)) {
          choices = List.of("native ", "public native ");
        } else if (place == Place.ABSTRACT_CLASS && junk.chance(0.25)) {
          choices = List.of("abstract ", "protected abstract ", "public abstract ");
        }
        modifiers = junk.pick(choices);
        body = !modifiers.contains("native") && !modifiers.contains("abstract");
      }
    }
    boolean isStatic = modifiers.contains("static");
    boolean typeVarT = classTypeVar && !isStatic;

    // Type parameters.
    String typeParameters = "";
    String xProperties = null;
    boolean throwsE = false;
    if (junk.chance(0.2)) {
      if (junk.chance(0.15)) {
        typeParameters = "<E extends Exception>";
        throwsE = true;
      } else {
        String[] chosen =
            METHOD_TYPE_PARAMETERS[junk.between(0, METHOD_TYPE_PARAMETERS.length - 1)];
        typeParameters = chosen[0];
        xProperties = chosen[1];
      }
    }

    // Return type.
    String returnType =
        junk.chance(0.45) ? "void" : type(xProperties != null, typeVarT);
    String returnProperties = propertiesKey(returnType, xProperties);

    // Parameters.
    int count = junk.pick(0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5);
    Set<String> names = new LinkedHashSet<>();
    List<Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = junk.pick(PARAMETER_NAMES);
      if (!names.add(name)) {
        name = name + i;
        names.add(name);
      }
      boolean varargs = i == count - 1 && junk.chance(0.1);
      String type =
          varargs ? junk.pick(VARARGS_TYPES) + "[]" : type(xProperties != null, typeVarT);
      String sourceName = name;
      if (name.chars().allMatch(c -> c < 0x7f) && junk.chance(0.05)) {
        // Java reads \\u0069d as "id": the annotation must name it "id".
        sourceName = String.format("\\u%04x", (int) name.charAt(0)) + name.substring(1);
      }
      parameters.add(new Parameter(name, sourceName, type, varargs));
    }

    // Name, unique for its arity (overloads only by arity, so no two erase alike).
    String name = junk.pick(METHOD_NAMES);
    if (!methodNamesAndArities.add(name + "/" + count)) {
      name = name + (++methodCounter);
      methodNamesAndArities.add(name + "/" + count);
    }

    String throwsClause =
        throwsE
            ? " throws E"
            : junk.chance(0.12)
                ? junk.pick(
                    " throws Exception", " throws java.io.IOException, InterruptedException",
                    " throws Throwable", " throws IllegalStateException")
                : "";

    // The annotation, then the declaration.
    List<Parameter> forPaths = new ArrayList<>();
    for (Parameter p : parameters) {
      forPaths.add(
          new Parameter(
              p.name(), p.sourceName(), propertiesKey(p.type(), xProperties), p.varargs()));
    }
    String annotation = annotation(forPaths, returnProperties);
    if (junk.chance(0.06)) {
      annotation = suppressWarnings() + " " + annotation;
    }
    boolean annotationAmongModifiers = !modifiers.isEmpty() && junk.chance(0.1);
    out.append(indent);
    if (annotationAmongModifiers) {
      out.append(modifiers).append(annotation).append(' ');
    } else {
      out.append(annotation).append('\n').append(indent).append(modifiers);
    }
    if (!typeParameters.isEmpty()) {
      out.append(typeParameters).append(' ');
    }
    out.append(returnType).append(' ').append(name).append('(');
    for (int i = 0; i < parameters.size(); i++) {
      Parameter p = parameters.get(i);
      String type = p.varargs() ? p.type().replace("[]", "...") : p.type();
      out.append(i == 0 ? "" : ", ").append(type).append(' ').append(p.sourceName());
    }
    out.append(')').append(throwsClause);
    if (body) {
      out.append(" {").append(returnStatement(returnType)).append("}\n");
    } else {
      out.append(";\n");
    }
    traced.add(name);
  }

  /** A parameter or return type; {@code X} (a method type variable) and {@code T} if in scope. */
  private String type(boolean x, boolean t) {
    if (x && junk.chance(0.25)) {
      return junk.pick("X", "X", "X[]", "List<X>", "Optional<X>");
    }
    if (t && junk.chance(0.2)) {
      return junk.pick("T", "T[]", "List<T>");
    }
    return junk.chance(0.55) ? junk.pick(SCALAR_TYPES) : junk.pick(OTHER_TYPES);
  }

  /** The key of {@link #PROPERTIES} for a type as written. */
  private static String propertiesKey(String type, String xProperties) {
    if (type.equals("X") && xProperties != null) {
      return xProperties;
    }
    return type;
  }

  private static String returnStatement(String type) {
    String zero =
        switch (type) {
          case "void" -> null;
          case "int", "long", "short", "byte", "double", "float" -> "0";
          case "boolean" -> "false";
          case "char" -> "'x'";
          default -> "null";
        };
    return zero == null ? "" : " return " + zero + "; ";
  }

  // ---------------------------------------------------------------------------------------------
  // The annotation

  private String annotation(List<Parameter> parameters, String returnType) {
    String at = junk.chance(0.1) ? "@dev.traced.Traced" : "@Traced";
    List<String> members = new ArrayList<>();
    if (junk.chance(clean ? 0.5 : 0.6)) {
      members.add("name = " + name());
    }
    if (junk.chance(0.5)) {
      String kind = junk.pick("INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER");
      members.add(
          "kind = "
              + (staticKindImport
                  ? kind
                  : junk.pick("Traced.Kind.", "dev.traced.Traced.Kind.") + kind));
    }
    List<String> keys = new ArrayList<>();
    if (junk.chance(0.8)) {
      members.add("attrs = " + attrs(parameters, returnType, keys));
    }
    if (junk.chance(clean ? 0.05 : 0.12) || !sensitiveKeys.isEmpty()) {
      String allowed = allowSensitive(keys);
      if (allowed != null) {
        members.add("allowSensitive = " + allowed);
      }
    }
    sensitiveKeys.clear();
    java.util.Collections.shuffle(members, new Random(junk.between(0, Integer.MAX_VALUE - 1)));
    if (members.isEmpty()) {
      return junk.chance(0.5) ? at : at + "()";
    }
    String separator = junk.chance(0.5) ? ", " : ",\n      ";
    return at + "(" + String.join(separator, members) + ")";
  }

  private String name() {
    if (clean) {
      // Unique: one span name with two sets of attribute types is an error of its own.
      String name = junk.pick(NAMES).strip() + " #" + index + "." + (++spanNames);
      return junk.literal(name);
    }
    return switch (junk.between(0, 9)) {
      case 0 -> junk.literal("");
      case 1 -> junk.literal(junk.pick(" ", "\t", "\n", "\u00A0", "\u2003", "\u200B", " x "));
      case 2, 3 -> junk.literal(junk.garbage(20));
      case 4 -> constant(junk.pick(NAMES));
      case 5 -> junk.literal("a") + " + " + junk.literal(junk.garbage(5));
      default -> junk.literal(junk.pick(NAMES));
    };
  }

  /** Keys of the current method's sensitive entries that a clean source must allow. */
  private final List<String> sensitiveKeys = new ArrayList<>();

  /** The allowSensitive value for a method with attribute keys {@code keys}, or null for none. */
  private String allowSensitive(List<String> keys) {
    List<String> allowed = new ArrayList<>(sensitiveKeys);
    if (!clean) {
      int extra = junk.between(0, 3);
      for (int i = 0; i < extra; i++) {
        allowed.add(
            switch (junk.between(0, 6)) {
              case 0 -> "";
              case 1 -> junk.garbage(10);
              case 2 -> junk.pick(SENSITIVE_KEYS);
              case 3 -> junk.pick(SAFE_KEYS);
              case 4 -> keys.isEmpty() ? "x" : junk.pick(keys);
              case 5 -> allowed.isEmpty() ? "a" : junk.pick(allowed); // a duplicate
              default -> badKey();
            });
      }
    }
    if (allowed.isEmpty()) {
      return clean ? null : junk.pick("{}", "\"\"");
    }
    List<String> literals = new ArrayList<>();
    for (String key : allowed) {
      literals.add(junk.literal(key));
    }
    return literals.size() == 1 && junk.chance(0.5)
        ? literals.get(0)
        : "{" + String.join(", ", literals) + "}";
  }

  private String suppressWarnings() {
    String value =
        junk.pick(
            "traced:deprecated-key", "traced:needless-allow-sensitive",
            "traced:unknown-suppression",
            "traced:sensitive-value", "traced:nonsense", "traced:", "traced", "unchecked",
            "all", "TRACED:deprecated-key", " traced:deprecated-key", junk.garbage(8));
    return junk.chance(0.3)
        ? "@SuppressWarnings({" + junk.literal(value) + ", \"rawtypes\"})"
        : "@SuppressWarnings(" + junk.literal(value) + ")";
  }

  /** A string constant declared in the top-level type, referred to by name. */
  private String constant(String value) {
    String name = "K" + (++constantCount);
    constants
        .append("  static final String ")
        .append(name)
        .append(" = ")
        .append(junk.literal(value))
        .append(";\n");
    return name;
  }

  private String attrs(List<Parameter> parameters, String returnType, List<String> keys) {
    int count = junk.pick(0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8);
    List<String> expressions = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      expressions.add(
          clean
              ? cleanEntry(parameters, returnType, keys)
              : mixedEntry(parameters, returnType, keys));
    }
    if (expressions.size() == 1 && junk.chance(0.4)) {
      return expressions.get(0); // a single entry without braces
    }
    String separator = junk.chance(0.5) ? ", " : ",\n          ";
    String trailing = junk.chance(0.1) && !expressions.isEmpty() ? "," : "";
    return "{" + String.join(separator, expressions) + trailing + "}";
  }

  /** Java text of an entry whose value is {@code text}: literal, concatenation or constant. */
  private String encode(String text) {
    int how = junk.between(0, 99);
    if (how < 75 || text.length() < 2) {
      return junk.literal(text);
    }
    if (how < 88) {
      int cut = junk.between(1, text.length() - 1);
      return junk.literal(text.substring(0, cut)) + " + " + junk.literal(text.substring(cut));
    }
    return constant(text);
  }

  private String cleanEntry(List<Parameter> parameters, String returnType, List<String> keys) {
    String key = uniqueKey(junk.pick(SAFE_KEYS), keys);
    String separator = junk.pick(" = ", "=", " =  ", "\t=\t", "= ", " =");
    int kind = junk.between(0, 99);
    String value = null;
    List<Parameter> roots =
        parameters.stream().filter(p -> !SENSITIVE_NAME.matcher(p.name()).matches()).toList();
    List<Parameter> bindable =
        roots.stream().filter(p -> BINDABLE.contains(p.type()) && !p.varargs()).toList();
    if (kind < 40 && !bindable.isEmpty()) {
      value = junk.pick(bindable).name();
    } else if (kind < 75 && !roots.isEmpty()) {
      Parameter root = junk.pick(roots);
      value = pathToBindable(root.name(), root.type());
    } else if (kind < 85 && !returnType.equals("void")) {
      value = pathToBindable("return", returnType);
    } else if (kind < 90 && !roots.isEmpty()) {
      // A sensitive key, allowed explicitly.
      key = junk.pick("enduser.email", "user.password", "auth.token");
      if (keys.contains(key)) {
        key = uniqueKey(key, keys);
      } else {
        keys.add(key);
      }
      sensitiveKeys.add(key);
      value = junk.pick(roots).name();
      if (!BINDABLE.contains(parameterType(parameters, value))) {
        value = validLiteral();
      }
    }
    if (value == null) {
      value = validLiteral();
    }
    String entry = key + separator + value;
    if (junk.chance(0.1)) {
      entry = junk.space() + entry + junk.space();
    }
    return encode(entry);
  }

  private String mixedEntry(List<Parameter> parameters, String returnType, List<String> keys) {
    int kind = junk.between(0, 99);
    String sep = junk.chance(0.8) ? " = " : junk.space() + "=" + junk.space();
    String key = anyKey();
    String entry;
    if (kind < 18) {
      entry = key + sep + (junk.chance(0.6) ? parameterOrGuess(parameters) : validLiteral());
    } else if (kind < 28) {
      Parameter root =
          parameters.isEmpty() ? new Parameter("p", "p", "Node", false) : junk.pick(parameters);
      entry = key + sep + walk(root.name(), root.type(), junk.between(1, 5), true);
    } else if (kind < 34) {
      entry = key + sep + walk("return", returnType, junk.between(0, 3), true);
    } else if (kind < 42) {
      entry = key + sep + junk.pick(INVALID_VALUES);
    } else if (kind < 52) {
      entry = junk.garbage(30);
    } else if (kind < 60) {
      String value = parameterOrGuess(parameters);
      entry =
          junk.pick(
              "", " ", "=", " = ", "==", "= =", key, key + " =", "= " + value,
              key + " == " + value, key + " = " + value + " = " + value,
              "=" + key + "=" + value, "'" + key + "' = " + value, key + " = 'a = b'",
              key + "=" + value, key + ": " + value, key + " -> " + value,
              key + " = " + value + ";", key + " = " + value + ",", "{" + key + " = " + value + "}",
              key + " =\n" + value, key + " \uFF1D " + value, key + " = = " + value);
    } else if (kind < 68 && !keys.isEmpty()) {
      entry = junk.pick(keys) + sep + parameterOrGuess(parameters); // a duplicated key
    } else if (kind < 76) {
      entry = badKey() + sep + parameterOrGuess(parameters);
    } else if (kind < 82) {
      entry = junk.pick(SENSITIVE_KEYS) + sep + parameterOrGuess(parameters);
    } else if (kind < 88) {
      String value = junk.chance(0.5) ? parameterOrGuess(parameters) : validLiteral();
      entry = junk.pick(SEMCONV_KEYS) + sep + value;
    } else if (kind < 92) {
      entry = key + sep + junk.pick(INVALID_VALUES).replace("x", parameterOrGuess(parameters));
    } else if (kind < 95) {
      entry = key + sep + deepPath(parameters);
    } else if (kind < 97) {
      entry = junk.chance(0.5)
          ? "a".repeat(junk.between(1000, 6000)) + " = 1"
          : key + " = '" + "x".repeat(junk.between(1000, 6000)) + "'";
    } else {
      return constantExpression(parameters);
    }
    keys.add(key);
    if (junk.chance(0.15)) {
      entry = junk.space() + entry + junk.space();
    }
    return encode(entry);
  }

  /** Entries that are constant expressions: numbers and chars that Java itself turns to text. */
  private String constantExpression(List<Parameter> parameters) {
    String p = parameters.isEmpty() ? "x" : junk.pick(parameters).name();
    return junk.pick(
        "\"shop.max = \" + Long.MAX_VALUE",
        "\"shop.min = \" + Long.MIN_VALUE",
        "\"shop.imin = \" + Integer.MIN_VALUE",
        "\"shop.dmax = \" + Double.MAX_VALUE",
        "\"shop.tiny = \" + Double.MIN_VALUE",
        "\"shop.nan = \" + (0.0 / 0.0)",
        "\"shop.inf = \" + (1.0 / 0)",
        "\"shop.ninf = \" + (-1.0 / 0)",
        "\"shop.fmin = \" + Float.MIN_VALUE",
        "\"shop.c = \" + 'x'",
        "\"shop.nul = '\" + (char) 0 + \"'\"",
        "\"shop.b = \" + true",
        "\"shop.neg0 = \" + (-0.0)",
        "\"shop.shift = \" + (1L << 62)",
        "\"shop.overflow = \" + (Long.MAX_VALUE + 1)",
        "\"shop.\" + \"split\" + \" = \" + " + junk.literal(p),
        "\"shop.\" + 'c' + 'h' + \"ar = 1\"");
  }

  private String uniqueKey(String key, List<String> keys) {
    String unique = key;
    for (int i = 2; keys.contains(unique); i++) {
      unique = key + "_" + i;
    }
    keys.add(unique);
    return unique;
  }

  private String anyKey() {
    int kind = junk.between(0, 99);
    if (kind < 60) {
      return junk.pick(SAFE_KEYS);
    } else if (kind < 72) {
      return junk.pick(SEMCONV_KEYS);
    } else if (kind < 80) {
      return junk.pick(SENSITIVE_KEYS);
    }
    return badKey();
  }

  private String badKey() {
    return switch (junk.between(0, 24)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> "Shop.Order";
      case 3 -> "shop..id";
      case 4 -> ".shop";
      case 5 -> "shop.";
      case 6 -> "1shop";
      case 7 -> "shop-id";
      case 8 -> "shop id";
      case 9 -> "shöp.id";
      case 10 -> "shop.\u200Bid";
      case 11 -> "\u202Eshop.id";
      case 12 -> "ｓｈｏｐ.id";
      case 13 -> "a".repeat(5000);
      case 14 -> "a.".repeat(60) + "a";
      case 15 -> "'shop'";
      case 16 -> "\"shop\"";
      case 17 -> "_shop";
      case 18 -> "shop._id";
      case 19 -> "shop.1d";
      case 20 -> "SHOP";
      case 21 -> "ı.d";
      case 22 -> "shop.\u0130d";
      case 23 -> "shop" + junk.awkward() + "id";
      default -> junk.garbage(12);
    };
  }

  private String parameterOrGuess(List<Parameter> parameters) {
    if (parameters.isEmpty() || junk.chance(0.15)) {
      return junk.pick(
          "id", "orderId", "missing", "Id", "ID", "i d", "idd", "countt", "名前x", "$");
    }
    String name = junk.pick(parameters).name();
    if (junk.chance(0.15)) {
      return misspell(name);
    }
    return name;
  }

  private String misspell(String name) {
    if (name.length() < 2) {
      return name + name;
    }
    int at = junk.between(0, name.length() - 1);
    return switch (junk.between(0, 4)) {
      case 0 -> name.substring(0, at) + name.substring(at + 1);
      case 1 -> name.substring(0, at) + name.charAt(at) + name.substring(at);
      case 2 -> name.toUpperCase(java.util.Locale.ROOT);
      case 3 -> name.substring(0, at) + junk.awkward() + name.substring(at);
      default -> name + "s";
    };
  }

  private String validLiteral() {
    return switch (junk.between(0, 9)) {
      case 0, 1, 2 -> junk.pick(VALID_NUMBERS);
      case 3 -> junk.pick("true", "false");
      case 4 -> "''";
      default -> "'" + awkwardText().replace("'", "''") + "'";
    };
  }

  /** Text for a string literal or name: awkward for every layer that copies it into code. */
  private String awkwardText() {
    return switch (junk.between(0, 12)) {
      case 0, 1, 2 -> junk.garbage(20);
      case 3 -> junk.pick("*/", "/*", "//", "*/ class X { /*");
      case 4 -> junk.pick("\\u000a", "\\u0022", "\\u005c", "\\uuu0027", "\\", "\\\\", "\\n");
      case 5 -> junk.pick("\"", "\"\"", "'", "''", "a'b", "it's");
      case 6 -> junk.pick("\n", "\r\n", "\u0000", "\u001F", "\u007F", "\u2028", "\u0085");
      case 7 -> junk.pick("{0}", "%s", "%n", "${x}", "{", "}", "$1", "\\$");
      case 8 -> junk.pick("\uD800", "\uDFFF", "\uD83D\uDE00", "a\uD800b", "\uDBFF\uDFFF");
      case 9 -> junk.pick("\u202Eevil\u202C", "\u200B", "\uFEFF", "עברית", "عربى", "ß", "İı");
      case 10 -> "x".repeat(junk.between(500, 3000));
      case 11 -> junk.awkward() + junk.awkward() + junk.awkward();
      default -> junk.pick("web", "GET", "order-1001", "a b c", " padded ", "");
    };
  }

  private static String parameterType(List<Parameter> parameters, String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).map(Parameter::type)
        .findFirst().orElse("?");
  }

  /**
   * A path from {@code root} (of type {@code type}) that ends on a bindable type, up to four
   * properties long, or a literal when there is none.
   */
  private String pathToBindable(String root, String type) {
    StringBuilder path = new StringBuilder(root);
    String current = type;
    for (int step = 0; step < 4; step++) {
      if (BINDABLE.contains(current) && (step > 0 || junk.chance(0.5))) {
        return path.toString();
      }
      String[] properties = PROPERTIES.get(current);
      if (properties == null || current.equals("Getters") || current.equals("Rec<?>")) {
        break; // Getters has unreadable properties on purpose; Rec<?> has a wildcard
      }
      String[] property = junk.pick(properties).split(":", 2);
      if (property[0].equals("class") || property[1].equals("void")) {
        break;
      }
      path.append('.').append(property[0]);
      current = property[1];
    }
    return BINDABLE.contains(current) ? path.toString() : validLiteral();
  }

  /**
   * A path from {@code root} (of type {@code type}) of {@code steps} properties, each picked
   * among the type's real properties; when {@code sloppy}, some steps are misspelled or made up.
   */
  private String walk(String root, String type, int steps, boolean sloppy) {
    StringBuilder path = new StringBuilder(root);
    String current = type;
    for (int i = 0; i < steps; i++) {
      String[] properties = PROPERTIES.get(current);
      if (properties == null || (sloppy && junk.chance(0.15))) {
        if (!sloppy) {
          break;
        }
        path.append('.').append(junk.pick("x", "id", "value", "get", "length", "size", "nope",
            "getId", "isEmpty", "class", "toString", "Id", "ID", "name", "values"));
        current = "?";
        continue;
      }
      String[] property = junk.pick(properties).split(":", 2);
      String name = property[0];
      if (sloppy && junk.chance(0.1)) {
        name = misspell(name);
      }
      path.append('.').append(name);
      current = property[1];
    }
    return path.toString();
  }

  /** Paths 50 steps deep, real and made up. */
  private String deepPath(List<Parameter> parameters) {
    String root = parameters.isEmpty() ? "node" : junk.pick(parameters).name();
    return switch (junk.between(0, 4)) {
      case 0 -> root + ".next".repeat(50) + ".id";
      case 1 -> root + ".parent".repeat(50) + ".name";
      case 2 -> "return" + ".next".repeat(50) + ".id";
      case 3 -> root + ".more".repeat(10) + ".maybe".repeat(40);
      default -> "a.b.c.d.e.f.g.h.i.j".repeat(5);
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Unknown types: the few sources that are not valid Java

  private void injectUnknownType(StringBuilder out, Shape shape) {
    unknownType = true;
    String modifier = shape == Shape.INTERFACE ? "default " : "";
    String member =
        switch (junk.between(0, 6)) {
          case 0 -> "@Traced(attrs = \"shop.m = m\") " + modifier + "void broken(Missing m) {}";
          case 1 -> "@Traced " + modifier + "Missing broken() { return null; }";
          case 2 ->
              "@Traced(attrs = \"shop.n = xs\") " + modifier + "void broken(List<Missing> xs) {}";
          case 3 -> "@Traced " + modifier + "void broken() throws MissingException {}";
          case 4 ->
              "@Traced(attrs = {\"shop.ok = 1\", Keys.MISSING}) " + modifier + "void broken() {}";
          case 5 -> "@Traced(kind = Traced.Kind.BATCH) " + modifier + "void broken() {}";
          default ->
              "@Traced(attrs = \"shop.x = x\") " + modifier + "void broken(Order.Missing x) {}";
        };
    out.append("  ").append(member).append('\n');
    traced.add("broken");
  }
}
