package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspect;
import static dev.traced.processor.TestSources.aspectNames;
import static dev.traced.processor.TestSources.compile;
import static dev.traced.processor.TestSources.source;
import static dev.traced.processor.TestSources.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every method shape and value the annotation's documentation promises: each compiles with no
 * diagnostic at all and gets an aspect. The exact text of aspects is checked by {@link
 * GeneratedAspectTest}; here only the parts that show the shape was understood.
 */
class CompilesCleanlyTest {

  /** Compiles {@code sources}, asserts no diagnostic at all, and returns the compilation. */
  private static Compilation compileCleanly(JavaFileObject... sources) {
    Compilation compilation = compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.diagnostics()).isEmpty();
    return compilation;
  }

  /** Compiles {@code p.Subject} with {@code body} cleanly and returns {@code Subject_Traced.aj}. */
  private static String subjectAspect(String... body) {
    Compilation compilation = compileCleanly(subject(body));
    assertThat(aspectNames(compilation)).containsExactly("p/Subject_Traced.aj");
    return aspect(compilation, "p", "Subject_Traced").orElseThrow();
  }

  @Nested
  class MethodShapes {

    @Test
    void instanceMethod() {
      String aspect = subjectAspect("  @Traced void run() {}");
      assertThat(aspect)
          .contains("void around():")
          .contains("execution(@dev.traced.Traced void p.Subject.run())")
          .contains("spanBuilder(\"Subject.run\")");
    }

    @Test
    void staticMethod() {
      assertThat(subjectAspect("  @Traced static int size() { return 0; }"))
          .contains("int around():")
          .contains("execution(@dev.traced.Traced int p.Subject.size())");
    }

    @Test
    void privateMethod() {
      assertThat(subjectAspect("  @Traced private String secret() { return \"\"; }"))
          .contains("privileged aspect Subject_Traced")
          .contains("execution(@dev.traced.Traced java.lang.String p.Subject.secret())");
    }

    @Test
    void finalAndSynchronizedMethod() {
      assertThat(subjectAspect("  @Traced final synchronized void lock() {}"))
          .contains("execution(@dev.traced.Traced void p.Subject.lock())");
    }

    @Test
    void overloadsGetOneAdviceEach() {
      String aspect =
          subjectAspect(
              "  @Traced(name = \"find.by.id\", attrs = \"shop.id = id\") void find(long id) {}",
              "  @Traced(name = \"find.by.name\", attrs = \"shop.name = name\")"
                  + " void find(String name) {}",
              "  @Traced void find() {}");
      assertThat(aspect)
          .contains("execution(@dev.traced.Traced void p.Subject.find(long))")
          .contains("execution(@dev.traced.Traced void p.Subject.find(java.lang.String))")
          .contains("execution(@dev.traced.Traced void p.Subject.find())")
          .contains("spanBuilder(\"find.by.id\")")
          .contains("spanBuilder(\"find.by.name\")")
          .contains("spanBuilder(\"Subject.find\")");
    }

    @Test
    void untracedOverloadIsLeftAlone() {
      String aspect = subjectAspect("  @Traced void find(long id) {}", "  void find(String s) {}");
      assertThat(aspect).contains("p.Subject.find(long)").doesNotContain("find(java.lang.String");
    }

    @Test
    void genericMethodBindsATypeVariableThroughItsBound() {
      String aspect =
          subjectAspect(
              "  @Traced(attrs = \"shop.text = text\")",
              "  <T extends CharSequence> T echo(T text) { return text; }");
      assertThat(aspect)
          .contains("java.lang.Object around(java.lang.CharSequence text):")
          .contains(
              "execution(@dev.traced.Traced java.lang.CharSequence"
                  + " p.Subject.echo(java.lang.CharSequence))")
          .contains("AttributeKey<String> SHOP_TEXT = AttributeKey.stringKey(\"shop.text\")")
          .contains("spanBuilder.setAttribute(SHOP_TEXT, text.toString());");
    }

    @Test
    void genericMethodWithUnboundedTypeVariableErasesToObject() {
      assertThat(subjectAspect("  @Traced <T> T identity(T value) { return value; }"))
          .contains("java.lang.Object around(java.lang.Object value):")
          .contains(
              "execution(@dev.traced.Traced java.lang.Object"
                  + " p.Subject.identity(java.lang.Object))");
    }

    @Test
    void genericParameterNextToABoundParameter() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = \"shop.id = id\")",
                  "  <S extends Comparable<S>> void sort(java.util.List<S> items, String id) {}"))
          .contains("around(java.util.List items, java.lang.String id)")
          .contains(".setAttribute(SHOP_ID, id)");
    }

    @Test
    void genericClassErasesItsTypeVariables() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Box",
                  "package p;",
                  "import dev.traced.Traced;",
                  "class Box<T, L extends CharSequence> {",
                  "  @Traced(attrs = \"box.label = label\")",
                  "  T put(T item, L label, java.util.Map<String, java.util.List<T>> index) {",
                  "    return item;",
                  "  }",
                  "}"));
      assertThat(aspect(compilation, "p", "Box_Traced").orElseThrow())
          .contains(
              "java.lang.Object around(java.lang.Object item, java.lang.CharSequence label,"
                  + " java.util.Map index):")
          .contains(
              "execution(@dev.traced.Traced java.lang.Object p.Box.put(\n"
                  + "            java.lang.Object,\n"
                  + "            java.lang.CharSequence,\n"
                  + "            java.util.Map))")
          .contains("spanBuilder.setAttribute(BOX_LABEL, label.toString());");
    }

    @Test
    void varargsAreWrittenWithDotsInThePointcut() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = \"shop.first = first\")",
                  "  void tag(String first, String... rest) {}"))
          .contains("void around(java.lang.String first, java.lang.String[] rest):")
          .contains(
              "execution(@dev.traced.Traced void p.Subject.tag(java.lang.String,"
                  + " java.lang.String...))")
          .contains("&& args(first, rest)")
          .contains("proceed(first, rest);");
    }

    @Test
    void primitiveAndArrayReturns() {
      String aspect =
          subjectAspect(
              "  @Traced boolean flag() { return true; }",
              "  @Traced byte b() { return 0; }",
              "  @Traced char c() { return 'c'; }",
              "  @Traced double d() { return 0; }",
              "  @Traced float f() { return 0; }",
              "  @Traced long l() { return 0; }",
              "  @Traced short s() { return 0; }",
              "  @Traced int[][] grid() { return null; }");
      assertThat(aspect)
          .contains("boolean around():")
          .contains("byte around():")
          .contains("char around():")
          .contains("double around():")
          .contains("float around():")
          .contains("long around():")
          .contains("short around():")
          .contains("int[][] around():")
          .contains("return proceed();");
    }

    @Test
    void voidMethodDoesNotReturnProceed() {
      assertThat(subjectAspect("  @Traced void run() {}"))
          .contains("      proceed();\n")
          .doesNotContain("return proceed");
    }

    @Test
    void parameterizedReturnType() {
      assertThat(
              subjectAspect(
                  "  @Traced java.util.List<String> names() { return java.util.List.of(); }"))
          .contains("java.util.List around():")
          .contains("execution(@dev.traced.Traced java.util.List p.Subject.names())");
    }

    @Test
    void checkedExceptions() {
      assertThat(
              subjectAspect(
                  "  @Traced void read() throws java.io.IOException, InterruptedException {}"))
          .contains("void around() throws java.io.IOException, java.lang.InterruptedException:")
          .contains(
              "catch (java.io.IOException | java.lang.InterruptedException"
                  + " | java.lang.RuntimeException | java.lang.Error error)");
    }

    @Test
    void throwsExceptionCoversRuntimeException() {
      assertThat(subjectAspect("  @Traced void call() throws Exception {}"))
          .contains("void around() throws java.lang.Exception:")
          .contains("catch (java.lang.Exception | java.lang.Error error)");
    }

    @Test
    void throwsThrowableCoversEverything() {
      assertThat(subjectAspect("  @Traced void call() throws Throwable {}"))
          .contains("void around() throws java.lang.Throwable:")
          .contains("catch (java.lang.Throwable error)");
    }

    @Test
    void throwsASubclassOfRuntimeExceptionIsNotRepeated() {
      assertThat(
              subjectAspect(
                  "  @Traced void call() throws IllegalStateException, java.io.IOException {}"))
          .contains(
              "void around() throws java.lang.IllegalStateException, java.io.IOException:")
          .contains(
              "catch (java.io.IOException | java.lang.RuntimeException | java.lang.Error error)");
    }

    @Test
    void genericThrowsErasesToItsBound() {
      assertThat(
              subjectAspect(
                  "  @Traced <E extends java.io.IOException> void call() throws E {}"))
          .contains("void around() throws java.io.IOException:")
          .contains(
              "catch (java.io.IOException | java.lang.RuntimeException | java.lang.Error error)");
    }

    @Test
    void fullyQualifiedAnnotation() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Plain",
                  "package p;",
                  "class Plain {",
                  "  @dev.traced.Traced void run() {}",
                  "}"));
      assertThat(aspectNames(compilation)).containsExactly("p/Plain_Traced.aj");
    }

    @Test
    void parameterNamesThatClashWithTheAdviceLocalsAreRenamed() {
      String aspect =
          subjectAspect(
              "  @Traced(attrs = {",
              "      \"a = span\", \"b = scope\", \"c = error\", \"d = spanBuilder\"})",
              "  void clash(String span, String scope, String error, CharSequence spanBuilder,"
                  + " String span_) {}");
      assertThat(aspect)
          .contains("SpanBuilder spanBuilder_ = ")
          .contains("span__ = spanBuilder_.startSpan();")
          .contains("Scope scope_ = TracedSpans.makeCurrent(span__);")
          .contains("error_)")
          .contains("proceed(span, scope, error, spanBuilder, span_);");
    }
  }

  @Nested
  class TypeShapes {

    @Test
    void nestedStaticClass() {
      Compilation compilation =
          compileCleanly(subject("  static class Nested {", "    @Traced void run() {}", "  }"));
      assertThat(aspectNames(compilation)).containsExactly("p/Subject_Traced.aj");
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("privileged aspect Subject_Traced {")
          .contains("execution(@dev.traced.Traced void p.Subject.Nested.run())")
          .contains("spanBuilder(\"Nested.run\")");
    }

    @Test
    void innerClass() {
      Compilation compilation =
          compileCleanly(subject("  class Inner {", "    @Traced void run() {}", "  }"));
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("execution(@dev.traced.Traced void p.Subject.Inner.run())");
    }

    @Test
    void deeplyNestedClassesShareTheAspectOfTheirTopLevelClass() {
      Compilation compilation =
          compileCleanly(
              subject(
                  "  @Traced void outer() {}",
                  "  static class Mid {",
                  "    class Deep {",
                  "      @Traced void deep() {}",
                  "    }",
                  "  }"));
      assertThat(aspectNames(compilation)).containsExactly("p/Subject_Traced.aj");
      assertThat(aspect(compilation, "p", "Subject_Traced").orElseThrow())
          .contains("execution(@dev.traced.Traced void p.Subject.outer())")
          .contains("execution(@dev.traced.Traced void p.Subject.Mid.Deep.deep())");
    }

    @Test
    void record() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Order",
                  "package p;",
                  "import dev.traced.Traced;",
                  "record Order(String id, int count) {",
                  "  @Traced(attrs = \"shop.source = 'accessor'\")",
                  "  public int count() { return count; }",
                  "  @Traced(attrs = {\"shop.id = id\", \"shop.factor = factor\"})",
                  "  Order scaled(String id, double factor) { return this; }",
                  "}"));
      assertThat(aspect(compilation, "p", "Order_Traced").orElseThrow())
          .contains("execution(@dev.traced.Traced int p.Order.count())")
          .contains(
              "execution(@dev.traced.Traced p.Order p.Order.scaled(java.lang.String, double))");
    }

    @Test
    void enumMethods() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Status",
                  "package p;",
                  "import dev.traced.Traced;",
                  "enum Status {",
                  "  OPEN, CLOSED;",
                  "  @Traced(attrs = \"shop.status = next\")",
                  "  Status then(Status next) { return next; }",
                  "  @Traced static Status parse(String text) { return OPEN; }",
                  "}"));
      assertThat(aspect(compilation, "p", "Status_Traced").orElseThrow())
          .contains("p.Status around(p.Status next):")
          .contains("spanBuilder.setAttribute(SHOP_STATUS, next.name());")
          .contains("execution(@dev.traced.Traced p.Status p.Status.parse(java.lang.String))");
    }

    @Test
    void interfaceDefaultStaticAndPrivateMethods() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Shop",
                  "package p;",
                  "import dev.traced.Traced;",
                  "interface Shop {",
                  "  @Traced default void open() { check(); }",
                  "  @Traced static Shop create() { return null; }",
                  "  @Traced private void check() {}",
                  "}"));
      assertThat(aspect(compilation, "p", "Shop_Traced").orElseThrow())
          .contains("execution(@dev.traced.Traced void p.Shop.open())")
          .contains("execution(@dev.traced.Traced p.Shop p.Shop.create())")
          .contains("execution(@dev.traced.Traced void p.Shop.check())");
    }

    @Test
    void nestedTypeInsideAnInterface() {
      Compilation compilation =
          compileCleanly(
              source(
                  "p.Api",
                  "package p;",
                  "import dev.traced.Traced;",
                  "interface Api {",
                  "  class Impl { @Traced void call() {} }",
                  "}"));
      assertThat(aspectNames(compilation)).containsExactly("p/Api_Traced.aj");
    }

    @Test
    void defaultPackage() {
      Compilation compilation =
          compileCleanly(
              source(
                  "Plain",
                  "import dev.traced.Traced;",
                  "class Plain {",
                  "  @Traced void run() {}",
                  "}"));
      assertThat(aspectNames(compilation)).containsExactly("Plain_Traced.aj");
      assertThat(aspect(compilation, "", "Plain_Traced").orElseThrow())
          .doesNotContain("package ")
          .contains("execution(@dev.traced.Traced void Plain.run())");
    }

    @Test
    void deepPackage() {
      Compilation compilation =
          compileCleanly(
              source(
                  "com.example.shop.v2.Cart",
                  "package com.example.shop.v2;",
                  "import dev.traced.Traced;",
                  "class Cart {",
                  "  @Traced void run() {}",
                  "}"));
      assertThat(aspect(compilation, "com.example.shop.v2", "Cart_Traced").orElseThrow())
          .contains("package com.example.shop.v2;")
          .contains("execution(@dev.traced.Traced void com.example.shop.v2.Cart.run())");
    }

    @Test
    void parameterOfAPrivateNestedType() {
      String aspect =
          subjectAspect(
              "  private enum Hidden { A }",
              "  @Traced(attrs = \"shop.hidden = hidden\")",
              "  private void keep(Hidden hidden) {}");
      assertThat(aspect)
          .contains("void around(p.Subject.Hidden hidden):")
          .contains("spanBuilder.setAttribute(SHOP_HIDDEN, hidden.name());");
    }

    @Test
    void severalClassesInOneCompilation() {
      Compilation compilation =
          compileCleanly(
              source("p.A", "package p;", "class A { @dev.traced.Traced void a() {} }"),
              source("q.B", "package q;", "class B { @dev.traced.Traced void b() {} }"),
              source("p.C", "package p;", "class C { void notTraced() {} }"));
      assertThat(aspectNames(compilation)).containsExactly("p/A_Traced.aj", "q/B_Traced.aj");
    }
  }

  @Nested
  class ParameterTypes {

    /** Binds {@code value} of type {@code type} and returns the aspect. */
    private String bind(String type) {
      return subjectAspect(
          "  enum Color { RED }",
          "  @Traced(attrs = \"shop.value = value\")",
          "  void take(" + type + " value) {}");
    }

    private void assertBinds(String type, String keyType, String setAttribute) {
      assertThat(bind(type))
          .contains("static final AttributeKey<" + keyType + "> SHOP_VALUE = AttributeKey.")
          .contains(setAttribute);
    }

    @Test
    void string() {
      assertBinds("String", "String", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void charSequence() {
      assertBinds(
          "CharSequence", "String", "spanBuilder.setAttribute(SHOP_VALUE, value.toString());");
    }

    @Test
    void stringBuilder() {
      assertBinds(
          "StringBuilder", "String", "spanBuilder.setAttribute(SHOP_VALUE, value.toString());");
    }

    @Test
    void primitiveBoolean() {
      assertBinds("boolean", "Boolean", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void boxedBoolean() {
      assertBinds("Boolean", "Boolean", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void primitiveIntegrals() {
      // Widened explicitly: SpanBuilder has no setAttribute(AttributeKey<Long>, int) before 1.45.
      for (String type : new String[] {"byte", "short", "int"}) {
        assertBinds(type, "Long", ".setAttribute(SHOP_VALUE, (long) value)");
      }
      assertBinds("long", "Long", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void boxedIntegrals() {
      for (String type : new String[] {"Byte", "Short", "Integer"}) {
        assertBinds(type, "Long", "spanBuilder.setAttribute(SHOP_VALUE, value.longValue());");
      }
      assertBinds("Long", "Long", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void primitiveFloatingPoint() {
      assertBinds("float", "Double", ".setAttribute(SHOP_VALUE, (double) value)");
      assertBinds("double", "Double", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void boxedFloatingPoint() {
      assertBinds(
          "Float", "Double", "spanBuilder.setAttribute(SHOP_VALUE, value.doubleValue());");
      assertBinds("Double", "Double", ".setAttribute(SHOP_VALUE, value)");
    }

    @Test
    void primitiveChar() {
      assertBinds("char", "String", ".setAttribute(SHOP_VALUE, String.valueOf(value))");
    }

    @Test
    void boxedCharacter() {
      assertBinds(
          "Character",
          "String",
          "spanBuilder.setAttribute(SHOP_VALUE, String.valueOf(value.charValue()));");
    }

    @Test
    void enumConstant() {
      assertBinds("Color", "String", "spanBuilder.setAttribute(SHOP_VALUE, value.name());");
    }

    @Test
    void enumFromTheJdk() {
      assertBinds(
          "java.util.concurrent.TimeUnit",
          "String",
          "spanBuilder.setAttribute(SHOP_VALUE, value.name());");
    }

    @Test
    void nullableValuesAreGuarded() {
      assertThat(bind("Integer"))
          .contains("    if (value != null) {\n")
          .contains("SpanBuilder spanBuilder = ");
    }

    @Test
    void typeVariableBoundedByEnum() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = \"shop.value = value\")",
                  "  <E extends Enum<E>> void take(E value) {}"))
          .contains("spanBuilder.setAttribute(SHOP_VALUE, value.name());");
    }

    @Test
    void typeVariableWithIntersectionBound() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = \"shop.value = value\")",
                  "  <T extends Object & CharSequence> void take(T value) {}"))
          .contains("spanBuilder.setAttribute(SHOP_VALUE, value.toString());");
    }
  }

  /**
   * Steps that only read, on types whose other members are refused steps (see {@code
   * traced:stateful-step}): the rule goes by type and override, so these still compile.
   */
  @Nested
  class StepsThatOnlyRead {

    @Test
    void readsOfJdkTypesThatAlsoHaveMethodsThatChangeThem() {
      String aspect =
          subjectAspect(
              "  @Traced(attrs = {",
              "      \"q.size = queue.size\", \"q.head = queue.peek\", \"q.empty = queue.empty\",",
              "      \"q.items = queue\", \"c.value = counter.get\", \"f.done = future.done\",",
              "      \"t.name = thread.name\", \"t.state = thread.state\",",
              "      \"t.alive = thread.alive\"})",
              "  void take(java.util.Queue<String> queue,",
              "      java.util.concurrent.atomic.AtomicInteger counter,",
              "      java.util.concurrent.Future<String> future, Thread thread) {}");
      assertThat(aspect)
          .contains("queue.size()")
          .contains("queue.peek()")
          .contains("queue.isEmpty()")
          .contains("AttributeValues.strings(queue)")
          .contains("counter.get()")
          .contains("future.isDone()")
          .contains("thread.getName()")
          .contains("thread.getState()")
          .contains("thread.isAlive()");
    }

    @Test
    void recordComponentsCollectionsEnumsAndOptionals() {
      String aspect =
          subjectAspect(
              "  enum Tier { GOLD }",
              "  record Order(String id, java.util.List<String> lines, Tier tier,",
              "      java.util.Optional<String> note) {}",
              "  @Traced(attrs = {",
              "      \"o.id = order.id\", \"o.lines = order.lines\",",
              "      \"o.line_count = order.lines.size\", \"o.tier = order.tier\",",
              "      \"o.tier_name = order.tier.name\", \"o.note = order.note\",",
              "      \"o.noted = order.note.present\", \"o.id_length = order.id.length\"})",
              "  void place(Order order) {}");
      assertThat(aspect)
          .contains("lines.size()")
          .contains("tier_.name()")
          .contains("note_.isPresent()")
          .contains("id.length()")
          .contains("AttributeValues.strings(lines_)");
    }

    @Test
    void methodNamesAloneDecideNothing() {
      String aspect =
          subjectAspect(
              "  /** Names that JDK types use for steps that change state; here they only read. */",
              "  static class Quote {",
              "    public String next() { return \"\"; }",
              "    public int poll() { return 0; }",
              "    public long getAndIncrement() { return 0; }",
              "    public String get() { return \"\"; }",
              "    public double close() { return 0; }",
              "  }",
              "  @Traced(attrs = {",
              "      \"q.next = quote.next\", \"q.poll = quote.poll\",",
              "      \"q.step = quote.andIncrement\", \"q.value = quote.get\",",
              "      \"q.close = quote.close\"})",
              "  void price(Quote quote) {}");
      assertThat(aspect)
          .contains("quote.next()")
          .contains("quote.poll()")
          .contains("quote.getAndIncrement()")
          .contains("quote.get()")
          .contains("quote.close()");
    }

    @Test
    void theValueAnAsyncResultCompletesWithAndTheResultItself() {
      String aspect =
          subjectAspect(
              "  record Order(String id) {}",
              "  @Traced(attrs = \"o.id = return.id\")",
              "  java.util.concurrent.CompletableFuture<Order> find() { return null; }",
              "  @Traced(endAtReturn = true, attrs = \"f.done = return.done\")",
              "  java.util.concurrent.Future<String> fire() { return null; }");
      assertThat(aspect).contains(".id()").contains(".isDone()");
    }
  }

  @Nested
  class Literals {

    @Test
    void everyLiteralKind() {
      String aspect =
          subjectAspect(
              "  @Traced(attrs = {",
              "      \"lit.text = 'web shop'\",",
              "      \"lit.empty = ''\",",
              "      \"lit.quote = 'it''s'\",",
              "      \"lit.equals = 'a = b'\",",
              "      \"lit.long = 42\",",
              "      \"lit.negative = -7\",",
              "      \"lit.min = -9223372036854775808\",",
              "      \"lit.max = 9223372036854775807\",",
              "      \"lit.double = 1.5\",",
              "      \"lit.negative_double = -0.25\",",
              "      \"lit.exponent = 1e3\",",
              "      \"lit.leading_dot = .5\",",
              "      \"lit.trailing_dot = 5.\",",
              "      \"lit.yes = true\",",
              "      \"lit.no = false\"",
              "  })",
              "  void run() {}");
      assertThat(aspect)
          .contains(".setAttribute(LIT_TEXT, \"web shop\")")
          .contains(".setAttribute(LIT_EMPTY, \"\")")
          .contains(".setAttribute(LIT_QUOTE, \"it's\")")
          .contains(".setAttribute(LIT_EQUALS, \"a = b\")")
          .contains(".setAttribute(LIT_LONG, 42L)")
          .contains(".setAttribute(LIT_NEGATIVE, -7L)")
          .contains(".setAttribute(LIT_MIN, -9223372036854775808L)")
          .contains(".setAttribute(LIT_MAX, 9223372036854775807L)")
          .contains(".setAttribute(LIT_DOUBLE, 1.5)")
          .contains(".setAttribute(LIT_NEGATIVE_DOUBLE, -0.25)")
          .contains(".setAttribute(LIT_EXPONENT, 1000.0)")
          .contains(".setAttribute(LIT_LEADING_DOT, 0.5)")
          .contains(".setAttribute(LIT_TRAILING_DOT, 5.0)")
          .contains(".setAttribute(LIT_YES, true)")
          .contains(".setAttribute(LIT_NO, false)")
          .contains("AttributeKey<Long> LIT_MIN = AttributeKey.longKey(\"lit.min\")")
          .contains("AttributeKey<Double> LIT_EXPONENT = AttributeKey.doubleKey(\"lit.exponent\")")
          .contains("AttributeKey<Boolean> LIT_NO = AttributeKey.booleanKey(\"lit.no\")")
          .contains("AttributeKey<String> LIT_TEXT = AttributeKey.stringKey(\"lit.text\")");
    }

    @Test
    void spacingAroundTheEqualsSignIsOptional() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = {\"a=1\", \"  b   =   'x'  \", \"c\\t=\\ttrue\"})",
                  "  void run() {}"))
          .contains(".setAttribute(A, 1L)")
          .contains(".setAttribute(B, \"x\")")
          .contains(".setAttribute(C, true)");
    }

    @Test
    void javaEscapesInStringLiteralsAreEscapedAgain() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = \"lit.text = 'say \\\"hi\\\" \\\\ */ \\t'\")",
                  "  void run() {}"))
          .contains(".setAttribute(LIT_TEXT, \"say \\\"hi\\\" \\\\ */ \\t\")");
    }

    @Test
    void literalsAndParametersMix() {
      assertThat(
              subjectAspect(
                  "  @Traced(attrs = {\"shop.channel = 'web'\", \"shop.id = id\"})",
                  "  void run(String id) {}"))
          .contains(".setAttribute(SHOP_CHANNEL, \"web\")")
          .contains(".setAttribute(SHOP_ID, id)");
    }
  }

  @Nested
  class NamesAndKinds {

    @Test
    void everySpanKind() {
      String aspect =
          subjectAspect(
              "  @Traced(kind = Traced.Kind.SERVER) void server() {}",
              "  @Traced(kind = Traced.Kind.CLIENT) void client() {}",
              "  @Traced(kind = Traced.Kind.PRODUCER) void producer() {}",
              "  @Traced(kind = Traced.Kind.CONSUMER) void consumer() {}",
              "  @Traced(kind = Traced.Kind.INTERNAL) void internal() {}");
      assertThat(aspect)
          .contains(".setSpanKind(SpanKind.SERVER)")
          .contains(".setSpanKind(SpanKind.CLIENT)")
          .contains(".setSpanKind(SpanKind.PRODUCER)")
          .contains(".setSpanKind(SpanKind.CONSUMER)")
          .doesNotContain("SpanKind.INTERNAL");
    }

    @Test
    void explicitNameIsUsedAsWritten() {
      assertThat(subjectAspect("  @Traced(name = \"GET /orders/{id}\") void get() {}"))
          .contains("spanBuilder(\"GET /orders/{id}\")");
    }

    @Test
    void constantExpressionsAreAccepted() {
      String aspect =
          subjectAspect(
              "  static final String PREFIX = \"shop.\";",
              "  @Traced(name = PREFIX + \"get\", attrs = {PREFIX + \"id = id\"})",
              "  void get(long id) {}");
      assertThat(aspect)
          .contains("spanBuilder(\"shop.get\")")
          .contains("AttributeKey<Long> SHOP_ID = AttributeKey.longKey(\"shop.id\")");
    }

    @Test
    void nameThatWouldCloseTheJavadocIsDefused() {
      String aspect = subjectAspect("  @Traced(name = \"a */ b\") void run() {}");
      assertThat(aspect)
          .contains("/** Span \"a *&#47; b\" around {@code Subject.run()}. */")
          .contains("spanBuilder(\"a */ b\")");
    }
  }
}
