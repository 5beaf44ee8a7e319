package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.DiagnosticsTest.javaLiteral;
import static dev.traced.processor.TestSources.aspectNames;
import static dev.traced.processor.TestSources.assertError;
import static dev.traced.processor.TestSources.compile;
import static dev.traced.processor.TestSources.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.traced.processor.diagnostics.Message;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of paths: their root (a parameter or {@code return}), their property steps and
 * the type of the value they reach. Each test binds one entry in a method of {@code p.Shop},
 * whose types are below, and asserts the exact message on the line of that entry.
 */
class PathDiagnosticsTest {

  /** The types the paths walk through, nested in {@code p.Shop}. */
  private static final String[] DOMAIN = {
    "  record Customer(String id, Address address, boolean vip) {}",
    "  record Address(String city, Country country) {}",
    "  enum Country { FR, DE }",
    "  static class Order {",
    "    long total;",
    "    public static String region() { return \"\"; }",
    "    String note(String language) { return \"\"; }",
    "    void touch() {}",
    "    String load() throws java.io.IOException { return \"\"; }",
    "    Customer customer() { return null; }",
    "    java.util.List<Order> related() { return null; }",
    "    java.util.Map<String, String> labels() { return null; }",
    "    public String getTrackingNumber() { return \"\"; }",
    "    boolean isGift() { return false; }",
    "    java.util.Optional<Customer> referrer() { return null; }",
    "  }",
  };

  /** {@code p.Shop} with the domain types and {@code method} traced with {@code entry}. */
  private static JavaFileObject shop(String method, String entry) {
    String[] lines = new String[DOMAIN.length + 8];
    lines[0] = "package p;";
    lines[1] = "import dev.traced.Traced;";
    lines[2] = "class Shop {";
    System.arraycopy(DOMAIN, 0, lines, 3, DOMAIN.length);
    int at = DOMAIN.length + 3;
    lines[at] = "  @Traced(attrs = {";
    lines[at + 1] = "      " + javaLiteral(entry);
    lines[at + 2] = "  })";
    lines[at + 3] = "  " + method;
    lines[at + 4] = "}";
    return source("p.Shop", java.util.Arrays.copyOf(lines, at + 5));
  }

  private static final String PLACE = "Customer place(Order order, String orderId) { return null; }";

  private static void assertPathError(JavaFileObject[] others, String method, String entry,
      String message) {
    JavaFileObject source = shop(method, entry);
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = source;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation compilation = compile(all);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertError(compilation, source, javaLiteral(entry), message);
    assertThat(aspectNames(compilation)).isEmpty();
  }

  private static void assertPathError(String method, String entry, String message) {
    assertPathError(new JavaFileObject[0], method, entry, message);
  }

  private static void assertPathError(String entry, String message) {
    assertPathError(PLACE, entry, message);
  }

  @Nested
  @Covers(Message.UNKNOWN_PARAMETER)
  class UnknownParameter {

    @Test
    void suggestsTheParameterThatDiffersInCase() {
      assertPathError(
          "shop.order.id = orderid",
          "[traced:unknown-parameter] \"orderid\" is not a parameter of Shop.place(Shop.Order,"
              + " String). Did you mean \"orderId\"?");
    }

    @Test
    void suggestsTheClosestParameter() {
      assertPathError(
          "shop.total = ordr.total",
          "[traced:unknown-parameter] \"ordr\" is not a parameter of Shop.place(Shop.Order,"
              + " String). Did you mean \"order\"?");
    }

    @Test
    void suggestsReturnForAMisspelledReturn() {
      assertPathError(
          "shop.customer.id = retrun.id",
          "[traced:unknown-parameter] \"retrun\" is not a parameter of Shop.place(Shop.Order,"
              + " String). Did you mean \"return\"?");
    }

    @Test
    void listsTheParametersWhenNothingIsClose() {
      assertPathError(
          "shop.total = basket.total",
          "[traced:unknown-parameter] \"basket\" is not a parameter of Shop.place(Shop.Order,"
              + " String). Its parameters are: order, orderId.");
    }

    @Test
    void noParametersButAResult() {
      assertPathError(
          "long count() { return 1; }",
          "shop.count = counter",
          "[traced:unknown-parameter] \"counter\" is not a parameter of Shop.count(). It has no"
              + " parameters; bind return or a literal instead.");
    }
  }

  @Nested
  @Covers(Message.RETURN_OF_VOID)
  class ReturnOfVoid {

    @Test
    void returnItself() {
      assertPathError(
          "void cancel(Order order) {}",
          "shop.result = return",
          "[traced:return-void] \"return\" reads the return value, but Shop.cancel(Shop.Order)"
              + " returns void. Bind a parameter or a literal.");
    }

    @Test
    void propertyOfTheReturnValue() {
      assertPathError(
          "void cancel(Order order) {}",
          "shop.result = return.id",
          "[traced:return-void] \"return.id\" reads the return value, but"
              + " Shop.cancel(Shop.Order) returns void. Bind a parameter or a literal.");
    }
  }

  @Nested
  @Covers(Message.UNKNOWN_PROPERTY)
  class UnknownProperty {

    @Test
    void suggestsTheClosestProperty() {
      assertPathError(
          "shop.customer.id = order.custmer.id",
          "[traced:unknown-property] \"order.custmer.id\": order has type Shop.Order, which has"
              + " no property \"custmer\". Did you mean \"customer\"?");
    }

    @Test
    void deeperInThePath() {
      assertPathError(
          "shop.city = order.customer.adress.city",
          "[traced:unknown-property] \"order.customer.adress.city\": order.customer has type"
              + " Shop.Customer, which has no property \"adress\". Did you mean \"address\"?");
    }

    @Test
    void suggestsTheGetterName() {
      assertPathError(
          "shop.tracking = order.trackingNumbr",
          "[traced:unknown-property] \"order.trackingNumbr\": order has type Shop.Order, which"
              + " has no property \"trackingNumbr\". Did you mean \"trackingNumber\"?");
    }

    @Test
    void listsThePropertiesWhenNothingIsClose() {
      assertPathError(
          "shop.customer.name = order.customer.fullName",
          "[traced:unknown-property] \"order.customer.fullName\": order.customer has type"
              + " Shop.Customer, which has no property \"fullName\". Its properties are: id,"
              + " address, vip.");
    }

    @Test
    void onTheReturnValue() {
      assertPathError(
          "shop.customer.id = return.ident",
          "[traced:unknown-property] \"return.ident\": return has type Shop.Customer, which has"
              + " no property \"ident\". Its properties are: id, address, vip.");
    }

    @Test
    void anArrayHasOnlyItsLength() {
      assertPathError(
          "void add(int[] items) {}",
          "shop.items = items.size",
          "[traced:unknown-property] \"items.size\": items has type int[], which has no"
              + " property \"size\". Its properties are: length.");
    }

    @Test
    void aPrimitiveHasNoProperties() {
      assertPathError(
          "void add(int count) {}",
          "shop.count = count.value",
          "[traced:unknown-property] \"count.value\": count has type int, which has no property"
              + " \"value\". It has no properties that traced can read.");
    }

    @Test
    void aGetterIsNotReadAsIsForANonBoolean() {
      assertPathError(
          "void add(Order order) {}",
          "shop.tracking = order.isTrackingNumber",
          "[traced:unknown-property] \"order.isTrackingNumber\": order has type Shop.Order, which"
              + " has no property \"isTrackingNumber\". Did you mean \"trackingNumber\"?");
    }
  }

  @Nested
  @Covers(Message.UNREADABLE_PROPERTY)
  class UnreadableProperty {

    @Test
    void staticMethod() {
      assertPathError(
          "shop.region = order.region",
          "[traced:unreadable-property] \"order.region\": Order.region() cannot be read as a"
              + " property: it is static, and a path reads properties of the value.");
    }

    @Test
    void methodWithParameters() {
      assertPathError(
          "shop.note = order.note",
          "[traced:unreadable-property] \"order.note\": Order.note(String) cannot be read as a"
              + " property: it takes parameters, and a property takes none.");
    }

    @Test
    void voidMethod() {
      assertPathError(
          "shop.touch = order.touch",
          "[traced:unreadable-property] \"order.touch\": Order.touch() cannot be read as a"
              + " property: it returns nothing.");
    }

    @Test
    void checkedException() {
      assertPathError(
          "shop.load = order.load",
          "[traced:unreadable-property] \"order.load\": Order.load() cannot be read as a"
              + " property: it declares IOException, and reading an attribute must never make the"
              + " traced method fail.");
    }

    @Test
    void privateFieldOfAnotherClass() {
      JavaFileObject item =
          source(
              "p.Item",
              "package p;",
              "public class Item {",
              "  private String sku;",
              "}");
      assertPathError(
          new JavaFileObject[] {item},
          "void add(Item item) {}",
          "shop.sku = item.sku",
          "[traced:unreadable-property] \"item.sku\": Item.sku cannot be read as a property: it is"
              + " private in Item.");
    }

    @Test
    void packagePrivateMethodInAnotherPackage() {
      JavaFileObject item =
          source(
              "q.Item",
              "package q;",
              "public class Item {",
              "  String sku() { return \"\"; }",
              "}");
      assertPathError(
          new JavaFileObject[] {item},
          "void add(q.Item item) {}",
          "shop.sku = item.sku",
          "[traced:unreadable-property] \"item.sku\": Item.sku() cannot be read as a property: it"
              + " is package-private in Item, in another package.");
    }

    @Test
    void typeNotAccessible() {
      JavaFileObject item =
          source(
              "q.Item",
              "package q;",
              "public class Item {",
              "  public Hidden hidden() { return null; }",
              "}",
              "class Hidden { public String id() { return \"\"; } }");
      assertPathError(
          new JavaFileObject[] {item},
          "void add(q.Item item) {}",
          "shop.hidden = item.hidden.id",
          "[traced:unreadable-property] \"item.hidden.id\": item.hidden cannot be read as a"
              + " property: its type Hidden is not accessible from Shop; bind one of its"
              + " properties through an accessible type, or make the type accessible.");
    }
  }

  @Nested
  @Covers(Message.STATEFUL_STEP)
  class StatefulStep {

    /** The end of the message for a step on a source whose path so far is {@code receiver}. */
    private String sourceFix(String receiver) {
      return " Bind what the method computes from " + receiver + " (its return value, say), or"
          + " pass what you need, such as a count, as a parameter of its own.";
    }

    /** The end of the message for a refused call on {@code receiver}. */
    private String callFix(String receiver) {
      return " Bind a property that only reads " + receiver + ", what the method computes (its"
          + " return value, say), or pass what you need as a parameter of its own.";
    }

    @Test
    void iteratorNext() {
      assertPathError(
          "String first(java.util.Iterator<String> it) { return it.next(); }",
          "app.next = it.next",
          "[traced:stateful-step] \"it.next\": it has type Iterator<String>, a source like every"
              + " Iterator: reading anything from it may consume it or move its position, and"
              + " tracing must never change what Shop.first(Iterator<String>) does."
              + sourceFix("it"));
    }

    @Test
    void streamCount() {
      assertPathError(
          "long count(java.util.stream.Stream<String> s) { return s.count(); }",
          "app.n = s.count",
          "[traced:stateful-step] \"s.count\": s has type Stream<String>, a source like every"
              + " BaseStream: reading anything from it may consume it or move its position, and"
              + " tracing must never change what Shop.count(Stream<String>) does."
              + sourceFix("s"));
    }

    @Test
    void aHarmlessMemberOfAnIteratorTheUserDeclared() {
      JavaFileObject cursor =
          source(
              "p.Cursor",
              "package p;",
              "public abstract class Cursor implements java.util.Iterator<String> {",
              "  public String name() { return \"\"; }",
              "}");
      assertPathError(
          new JavaFileObject[] {cursor},
          "void scan(Cursor cursor) {}",
          "app.cursor = cursor.name",
          "[traced:stateful-step] \"cursor.name\": cursor has type Cursor, a source like every"
              + " Iterator: reading anything from it may consume it or move its position, and"
              + " tracing must never change what Shop.scan(Cursor) does."
              + sourceFix("cursor"));
    }

    @Test
    void inputStreamRead() {
      assertPathError(
          "void copy(java.io.InputStream in) {}",
          "app.first = in.read",
          "[traced:stateful-step] \"in.read\": in has type InputStream, a source like every"
              + " InputStream: reading anything from it may consume it or move its position, and"
              + " tracing must never change what Shop.copy(InputStream) does."
              + sourceFix("in"));
    }

    @Test
    void aSourceDeeperInThePath() {
      assertPathError(
          "void add(java.util.List<String> lines) {}",
          "app.first = lines.iterator.next",
          "[traced:stateful-step] \"lines.iterator.next\": lines.iterator has type"
              + " Iterator<String>, a source like every Iterator: reading anything from it may"
              + " consume it or move its position, and tracing must never change what"
              + " Shop.add(List<String>) does."
              + sourceFix("lines.iterator"));
    }

    @Test
    void theReturnedIterator() {
      assertPathError(
          "java.util.Iterator<String> lines() { return null; }",
          "app.first = return.next",
          "[traced:stateful-step] \"return.next\": return has type Iterator<String>, a source"
              + " like every Iterator: reading anything from it may consume it or move its"
              + " position, and tracing must never change what Shop.lines() does."
              + sourceFix("return"));
    }

    @Test
    void queuePoll() {
      assertPathError(
          "String drain(java.util.Queue<String> queue) { return queue.poll(); }",
          "app.head = queue.poll",
          "[traced:stateful-step] \"queue.poll\": Queue.poll() changes queue, and tracing must"
              + " never change what Shop.drain(Queue<String>) does."
              + callFix("queue"));
    }

    @Test
    void anOverrideInAJdkClass() {
      assertPathError(
          "void push(java.util.ArrayDeque<String> stack) {}",
          "app.top = stack.pop",
          "[traced:stateful-step] \"stack.pop\": Deque.pop() changes stack, and tracing must"
              + " never change what Shop.push(ArrayDeque<String>) does."
              + callFix("stack"));
    }

    @Test
    void atomicGetAndIncrementByItsPropertyName() {
      assertPathError(
          "void count(java.util.concurrent.atomic.AtomicInteger counter) {}",
          "app.count = counter.andIncrement",
          "[traced:stateful-step] \"counter.andIncrement\": AtomicInteger.getAndIncrement()"
              + " changes counter, and tracing must never change what Shop.count(AtomicInteger)"
              + " does."
              + callFix("counter"));
    }

    @Test
    void atomicGetAndIncrementByItsMethodName() {
      assertPathError(
          "void count(java.util.concurrent.atomic.AtomicLong counter) {}",
          "app.count = counter.getAndIncrement",
          "[traced:stateful-step] \"counter.getAndIncrement\": AtomicLong.getAndIncrement()"
              + " changes counter, and tracing must never change what Shop.count(AtomicLong)"
              + " does."
              + callFix("counter"));
    }

    @Test
    void futureGet() {
      assertPathError(
          "void await(java.util.concurrent.Future<String> future) {}",
          "app.result = future.get",
          "[traced:stateful-step] \"future.get\": Future.get() waits for future, and tracing"
              + " must never change what Shop.await(Future<String>) does."
              + callFix("future"));
    }

    @Test
    void completableFutureJoin() {
      assertPathError(
          "void await(java.util.concurrent.CompletableFuture<String> future) {}",
          "app.result = future.join",
          "[traced:stateful-step] \"future.join\": CompletableFuture.join() waits for future,"
              + " and tracing must never change what Shop.await(CompletableFuture<String>) does."
              + callFix("future"));
    }

    @Test
    void aSupplierTheUserImplemented() {
      JavaFileObject lazy =
          source(
              "p.Lazy",
              "package p;",
              "public class Lazy implements java.util.function.Supplier<String> {",
              "  @Override public String get() { return \"\"; }",
              "}");
      assertPathError(
          new JavaFileObject[] {lazy},
          "void use(Lazy lazy) {}",
          "app.value = lazy.get",
          "[traced:stateful-step] \"lazy.get\": Supplier.get() runs lazy, and tracing must"
              + " never change what Shop.use(Lazy) does."
              + callFix("lazy"));
    }

    @Test
    void aSupplierImplementedByAnInheritedMethod() {
      JavaFileObject lazy =
          source(
              "p.Lazy",
              "package p;",
              "class Base { public String get() { return \"\"; } }",
              "public class Lazy extends Base implements java.util.function.Supplier<String> {}");
      assertPathError(
          new JavaFileObject[] {lazy},
          "void use(Lazy lazy) {}",
          "app.value = lazy.get",
          "[traced:stateful-step] \"lazy.get\": Supplier.get() runs lazy, and tracing must"
              + " never change what Shop.use(Lazy) does."
              + callFix("lazy"));
    }

    @Test
    void aVoidMethodSaysWhatItDoesRatherThanThatItReturnsNothing() {
      assertPathError(
          "void add(java.util.List<String> lines) {}",
          "app.cleared = lines.clear",
          "[traced:stateful-step] \"lines.clear\": Collection.clear() changes lines, and"
              + " tracing must never change what Shop.add(List<String>) does."
              + callFix("lines"));
    }
  }

  @Nested
  @Covers(Message.UNSUPPORTED_TYPE)
  class UnsupportedType {

    private static final String SUPPORTED =
        "Attribute values are strings (and other CharSequences), booleans, numbers, chars and"
            + " enums, Optionals of these, and arrays and collections of these.";

    @Test
    void aClassSuggestsItsProperties() {
      assertPathError(
          "shop.order = order",
          "[traced:unsupported-type] \"order\" has type Shop.Order, which is not an attribute"
              + " type. Bind one of its properties instead: order.trackingNumber (string),"
              + " order.gift (boolean), order.total (long). "
              + SUPPORTED);
    }

    @Test
    void aRecordSuggestsItsComponents() {
      assertPathError(
          "shop.address = order.customer.address",
          "[traced:unsupported-type] \"order.customer.address\" has type Shop.Address, which is"
              + " not an attribute type. Bind one of its properties instead:"
              + " order.customer.address.city (string), order.customer.address.country (string)."
              + " "
              + SUPPORTED);
    }

    @Test
    void map() {
      assertPathError(
          "shop.labels = order.labels",
          "[traced:unsupported-type] \"order.labels\" has type Map<String,String>, which is not"
              + " an attribute type. Bind one of its properties instead: order.labels.size (long),"
              + " order.labels.empty (boolean), order.labels.keySet (string[]),"
              + " order.labels.values (string[]). "
              + SUPPORTED);
    }

    @Test
    void collectionOfNonScalars() {
      assertPathError(
          "shop.related = order.related",
          "[traced:unsupported-type] \"order.related\" has type List<Shop.Order>, which is not"
              + " an attribute type. Bind one of its properties instead: order.related.size (long),"
              + " order.related.empty (boolean). "
              + SUPPORTED);
    }

    @Test
    void optionalOfANonScalar() {
      assertPathError(
          "shop.referrer = order.referrer",
          "[traced:unsupported-type] \"order.referrer\" has type Optional<Shop.Customer>, which"
              + " is not an attribute type. Bind one of its properties instead:"
              + " order.referrer.present (boolean), order.referrer.empty (boolean). "
              + SUPPORTED);
    }

    @Test
    void rawOptional() {
      assertPathError(
          "@SuppressWarnings(\"rawtypes\") void m(java.util.Optional value) {}",
          "shop.value = value",
          "[traced:unsupported-type] \"value\" has type Optional, which is not an attribute type."
              + " Bind one of its properties instead: value.present (boolean), value.empty"
              + " (boolean). "
              + SUPPORTED);
    }

    @Test
    void unboundedTypeVariable() {
      assertPathError(
          "<T> void m(T value) {}",
          "shop.value = value",
          "[traced:unsupported-type] \"value\" has type T, which is not an attribute type. "
              + SUPPORTED);
    }

    @Test
    void object() {
      assertPathError(
          "void m(Object value) {}",
          "shop.value = value",
          "[traced:unsupported-type] \"value\" has type Object, which is not an attribute type. "
              + SUPPORTED);
    }

    @Test
    void neverSuggestsARefusedStep() {
      JavaFileObject lazy =
          source(
              "p.Lazy",
              "package p;",
              "public class Lazy implements java.util.function.Supplier<String> {",
              "  @Override public String get() { return \"\"; }",
              "  public String label() { return \"\"; }",
              "}");
      assertPathError(
          new JavaFileObject[] {lazy},
          "void use(Lazy lazy) {}",
          "app.lazy = lazy",
          "[traced:unsupported-type] \"lazy\" has type Lazy, which is not an attribute type."
              + " Bind one of its properties instead: lazy.label (string). "
              + SUPPORTED);
    }

    @Test
    void suggestsNothingOfASource() {
      assertPathError(
          "void count(java.util.stream.Stream<String> s) {}",
          "app.s = s",
          "[traced:unsupported-type] \"s\" has type Stream<String>, which is not an attribute"
              + " type. "
              + SUPPORTED);
    }

    @Test
    void arrayOfArrays() {
      assertPathError(
          "void m(int[][] grid) {}",
          "shop.grid = grid",
          "[traced:unsupported-type] \"grid\" has type int[][], which is not an attribute type."
              + " Bind one of its properties instead: grid.length (long). "
              + SUPPORTED);
    }

    @Test
    void arrayOfRecords() {
      assertPathError(
          "void m(Customer[] customers) {}",
          "shop.customers = customers",
          "[traced:unsupported-type] \"customers\" has type Shop.Customer[], which is not an"
              + " attribute type. Bind one of its properties instead: customers.length (long). "
              + SUPPORTED);
    }
  }
}
