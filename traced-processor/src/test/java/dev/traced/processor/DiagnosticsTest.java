package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspectNames;
import static dev.traced.processor.TestSources.assertError;
import static dev.traced.processor.TestSources.assertNoInternalError;
import static dev.traced.processor.TestSources.compile;
import static dev.traced.processor.TestSources.compileWithJavacEnvironment;
import static dev.traced.processor.TestSources.source;
import static dev.traced.processor.TestSources.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.traced.processor.diagnostics.Message;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic of the catalogue that user input can cause, with its exact text and position.
 * The expected messages are written out in full on purpose: a change of wording must fail here
 * and be looked at.
 *
 * <p>Most tests put the offending {@code attrs} entry between two valid ones, each entry on its
 * own line, to prove that the error points at that entry and not at the annotation or method.
 */
class DiagnosticsTest {

  /** The method most attribute tests trace; two parameters, one of them a String. */
  private static final String METHOD = "void checkout(String orderId, int count) {}";

  private static final String CHECKOUT = "Subject.checkout(String, int)";

  /**
   * {@code p.Subject} with one {@code @Traced} method {@code method} whose entries are the valid
   * {@code "ok.before = 1"}, then {@code entry}, then the valid {@code "ok.after = 2"}, each on its
   * own line.
   */
  private static JavaFileObject withEntry(String method, String entry) {
    return subject(
        "  @Traced(attrs = {",
        "      \"ok.before = 1\",",
        "      " + javaLiteral(entry) + ",",
        "      \"ok.after = 2\"",
        "  })",
        "  " + method);
  }

  /** {@code text} as a Java string literal, quotes included. */
  static String javaLiteral(String text) {
    return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * Compiles {@link #withEntry} and asserts that the only diagnostic is one error, exactly {@code
   * message}, on the line of {@code entry}, and that no aspect was written.
   */
  private static void assertEntryError(String method, String entry, String message) {
    JavaFileObject source = withEntry(method, entry);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
    assertError(compilation, source, javaLiteral(entry) + ",", message);
    assertThat(aspectNames(compilation)).isEmpty();
  }

  private static void assertEntryError(String entry, String message) {
    assertEntryError(METHOD, entry, message);
  }

  @Test
  void everyUserFacingMessageHasTests() {
    Set<Message> covered =
        Stream.of(
                DiagnosticsTest.class,
                PathDiagnosticsTest.class,
                ConventionDiagnosticsTest.class,
                OutcomeDiagnosticsTest.class,
                CatalogueTest.class)
            .flatMap(test -> Arrays.stream(test.getDeclaredClasses()))
            .filter(c -> c.isAnnotationPresent(Covers.class))
            .map(c -> c.getAnnotation(Covers.class).value())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Message.class)));
    Set<Message> userFacing = EnumSet.complementOf(EnumSet.of(Message.INTERNAL_ERROR));
    assertThat(covered).containsExactlyInAnyOrderElementsOf(userFacing);
  }

  @Nested
  @Covers(Message.MALFORMED_ATTRIBUTE)
  class MalformedAttribute {

    @Test
    void noEquals() {
      assertEntryError(
          "shop.order.id orderId",
          "[traced:malformed-attribute] Attribute \"shop.order.id orderId\" is not of the form"
              + " \"key = value\": there is no \"=\". Example: \"shop.order.id = orderId\".");
    }

    @Test
    void emptyEntry() {
      assertEntryError(
          "",
          "[traced:malformed-attribute] Attribute \"\" is not of the form \"key = value\": there"
              + " is no \"=\". Example: \"shop.order.id = orderId\".");
    }

    @Test
    void missingKey() {
      assertEntryError(
          " = orderId",
          "[traced:malformed-attribute] Attribute \" = orderId\" is not of the form \"key ="
              + " value\": the key before \"=\" is missing. Example: \"shop.order.id = orderId\".");
    }

    @Test
    void missingValue() {
      assertEntryError(
          "shop.order.id =",
          "[traced:malformed-attribute] Attribute \"shop.order.id =\" is not of the form \"key ="
              + " value\": the value after \"=\" is missing. Example: \"shop.order.id ="
              + " orderId\".");
    }

    @Test
    void blankValue() {
      assertEntryError(
          "shop.order.id =   ",
          "[traced:malformed-attribute] Attribute \"shop.order.id =   \" is not of the form \"key"
              + " = value\": the value after \"=\" is missing. Example: \"shop.order.id ="
              + " orderId\".");
    }

    @Test
    void singleEntryWithoutBraces() {
      JavaFileObject source =
          subject(
              "  @Traced(",
              "      name = \"checkout\",",
              "      attrs = \"orderId\")",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "attrs = \"orderId\"",
          "[traced:malformed-attribute] Attribute \"orderId\" is not of the form \"key = value\":"
              + " there is no \"=\". Example: \"shop.order.id = orderId\".");
    }
  }

  @Nested
  @Covers(Message.INVALID_LITERAL)
  class InvalidLiteral {

    @Test
    void doubleThatWouldBecomeZero() {
      assertEntryError(
          "shop.ratio = 1e-999",
          "[traced:invalid-literal] \"1e-999\" is not a valid literal: it is too small for a"
              + " double and would become 0.");
    }

    @Test
    void unterminatedString() {
      assertEntryError(
          "shop.channel = 'web",
          "[traced:invalid-literal] \"'web\" is not a valid literal: the string has no closing"
              + " single quote.");
    }

    @Test
    void unterminatedStringEndingInEscapedQuote() {
      assertEntryError(
          "shop.channel = 'it''",
          "[traced:invalid-literal] \"'it''\" is not a valid literal: the string has no closing"
              + " single quote.");
    }

    @Test
    void textAfterClosingQuote() {
      assertEntryError(
          "shop.channel = 'web'site",
          "[traced:invalid-literal] \"'web'site\" is not a valid literal: text follows the"
              + " closing quote; write a quote inside a string as ''.");
    }

    @Test
    void doubleQuotedString() {
      assertEntryError(
          "shop.channel = \"web\"",
          "[traced:invalid-literal] \"\"web\"\" is not a valid literal: strings are written in"
              + " single quotes, as 'text'.");
    }

    @Test
    void longOverflow() {
      assertEntryError(
          "shop.count = 9223372036854775808",
          "[traced:invalid-literal] \"9223372036854775808\" is not a valid literal: it does not"
              + " fit in a long (-9223372036854775808 to 9223372036854775807).");
    }

    @Test
    void negativeLongOverflow() {
      assertEntryError(
          "shop.count = -9223372036854775809",
          "[traced:invalid-literal] \"-9223372036854775809\" is not a valid literal: it does not"
              + " fit in a long (-9223372036854775808 to 9223372036854775807).");
    }

    @Test
    void twoDecimalPoints() {
      assertEntryError(
          "shop.version = 1.2.3",
          "[traced:invalid-literal] \"1.2.3\" is not a valid literal: numbers are written as 42,"
              + " -7, 1.5 or 1e3.");
    }

    @Test
    void digitsThenLetters() {
      assertEntryError(
          "shop.count = 12abc",
          "[traced:invalid-literal] \"12abc\" is not a valid literal: numbers are written as 42,"
              + " -7, 1.5 or 1e3.");
    }

    @Test
    void javaLongSuffix() {
      assertEntryError(
          "shop.count = 12L",
          "[traced:invalid-literal] \"12L\" is not a valid literal: numbers are written as 42, -7,"
              + " 1.5 or 1e3.");
    }

    @Test
    void loneMinus() {
      assertEntryError(
          "shop.count = -",
          "[traced:invalid-literal] \"-\" is not a valid literal: numbers are written as 42, -7,"
              + " 1.5 or 1e3.");
    }

    @Test
    void exponentWithoutDigits() {
      assertEntryError(
          "shop.ratio = 1e",
          "[traced:invalid-literal] \"1e\" is not a valid literal: numbers are written as 42, -7,"
              + " 1.5 or 1e3.");
    }

    @Test
    void doubleTooLarge() {
      assertEntryError(
          "shop.ratio = 1e999",
          "[traced:invalid-literal] \"1e999\" is not a valid literal: it is too large for a"
              + " double.");
    }

    @Test
    void negativeDoubleTooLarge() {
      assertEntryError(
          "shop.ratio = -1.5e400",
          "[traced:invalid-literal] \"-1.5e400\" is not a valid literal: it is too large for a"
              + " double.");
    }
  }

  @Nested
  @Covers(Message.INVALID_ATTRIBUTE_KEY)
  class InvalidAttributeKey {

    private void assertInvalidKey(String key, String problem) {
      assertEntryError(
          key + " = orderId",
          "[traced:invalid-key] \""
              + key
              + "\" is not a valid attribute key: "
              + problem
              + ". OpenTelemetry keys are lower case, in dot-separated segments of letters,"
              + " digits and underscores that each start with a letter, for example"
              + " \"shop.order_id\".");
    }

    @Test
    void upperCase() {
      assertInvalidKey(
          "shop.orderId",
          "it has upper-case letters; write \"shop.orderid\"");
    }

    @Test
    void upperCaseFirstSegment() {
      assertInvalidKey(
          "Shop.order_id",
          "it has upper-case letters; write \"shop.order_id\"");
    }

    @Test
    void emptySegment() {
      assertInvalidKey(
          "shop..order_id",
          "it has an empty segment (a dot at the start or end, or two dots in a row)");
    }

    @Test
    void leadingDot() {
      assertInvalidKey(
          ".shop.order_id",
          "it has an empty segment (a dot at the start or end, or two dots in a row)");
    }

    @Test
    void trailingDot() {
      assertInvalidKey(
          "shop.order_id.",
          "it has an empty segment (a dot at the start or end, or two dots in a row)");
    }

    @Test
    void segmentStartingWithDigit() {
      assertInvalidKey(
          "shop.1st_order",
          "segment \"1st_order\" does not start with a letter");
    }

    @Test
    void keyStartingWithDigit() {
      assertInvalidKey(
          "1shop",
          "segment \"1shop\" does not start with a letter");
    }

    @Test
    void segmentStartingWithUnderscore() {
      assertInvalidKey(
          "shop._order",
          "segment \"_order\" does not start with a letter");
    }

    @Test
    void hyphen() {
      assertInvalidKey(
          "shop.order-id",
          "it contains \"-\"");
    }

    @Test
    void innerSpace() {
      assertInvalidKey(
          "shop order",
          "it contains the invisible character U+0020");
    }

    @Test
    void nonAsciiLetter() {
      assertInvalidKey(
          "shop.größe",
          "it contains \"ö\"");
    }
  }

  @Nested
  @Covers(Message.DUPLICATE_ATTRIBUTE_KEY)
  class DuplicateAttributeKey {

    @Test
    void sameKeyTwice() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"shop.order.id = orderId\",",
              "      \"shop.count = count\",",
              "      \"shop.order.id = 'fixed'\"",
              "  })",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "\"shop.order.id = 'fixed'\"",
          "[traced:duplicate-key] Attribute key \"shop.order.id\" is already set by"
              + " \"shop.order.id = orderId\"; a span has one value per key. Remove one of the"
              + " two, or give this one a different key.");
      assertThat(aspectNames(compilation)).isEmpty();
    }

    @Test
    void sameKeyWithDifferentSpacingQuotesTheFirstEntryAsWritten() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"shop.count=count\",",
              "      \"  shop.count   =   1  \"",
              "  })",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "\"  shop.count   =   1  \"",
          "[traced:duplicate-key] Attribute key \"shop.count\" is already set by"
              + " \"shop.count=count\"; a span has one value per key. Remove one of the two, or"
              + " give this one a different key.");
    }

    @Test
    void thirdUseIsReportedAgainstTheFirst() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"k = 1\",",
              "      \"k = 2\",",
              "      \"k = 3\"",
              "  })",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(2);
      String second =
          "[traced:duplicate-key] Attribute key \"k\" is already set by \"k = 1\"; a span has one"
              + " value per key. Remove one of the two, or give this one a different key.";
      assertError(compilation, source, "\"k = 2\"", second);
      assertError(compilation, source, "\"k = 3\"", second);
    }
  }

  @Nested
  @Covers(Message.INVALID_VALUE)
  class InvalidValue {

    private void assertInvalidValue(String value) {
      String entry = "shop.order.id = " + value;
      JavaFileObject source = withEntry(METHOD, entry);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining(
              "[traced:invalid-value] \""
                  + value
                  + "\" is neither a literal nor a path. Write a parameter name or \"return\", optionally"
                  + " followed by .property steps (order.customer.id)")
          .inFile(source)
          .onLineContaining(javaLiteral(entry));
      assertThat(compilation)
          .hadErrorContaining(
              ", a string in single quotes ('text'), a number (42, 1.5) or a boolean (true,"
                  + " false).")
          .inFile(source)
          .onLineContaining(javaLiteral(entry));
      assertThat(aspectNames(compilation)).isEmpty();
    }

    @Test
    void nullKeyword() {
      assertInvalidValue("null");
    }

    @Test
    void twoWords() {
      assertInvalidValue("order id");
    }

    @Test
    void methodCall() {
      assertInvalidValue("foo()");
    }

    @Test
    void javaKeyword() {
      assertInvalidValue("class");
    }

    @Test
    void pathWithEmptyStep() {
      assertInvalidValue("orderId.");
    }

    @Test
    void returnNotFirst() {
      assertInvalidValue("orderId.return");
    }

    @Test
    void expression() {
      assertInvalidValue("count + 1");
    }

    @Test
    void fullMessage() {
      assertEntryError(
          "shop.order.id = null",
          "[traced:invalid-value] \"null\" is neither a literal nor a path. Write a parameter"
              + " name or \"return\", optionally followed by .property steps (order.customer.id), a"
              + " string in single quotes ('text'), a number (42, 1.5) or a boolean (true,"
              + " false).");
    }
  }

  @Nested
  @Covers(Message.UNKNOWN_PARAMETER)
  class UnknownParameter {

    @Test
    void listsTheParameters() {
      assertEntryError(
          "shop.order.id = orderID",
          "[traced:unknown-parameter] \"orderID\" is not a parameter of "
              + CHECKOUT
              + ". Did you mean \"orderId\"?");
    }

    @Test
    void methodWithoutParameters() {
      assertEntryError(
          "void ping() {}",
          "shop.order.id = orderId",
          "[traced:unknown-parameter] \"orderId\" is not a parameter of Subject.ping(). It has no"
              + " parameters; bind a literal instead.");
    }

    @Test
    void rootOfAPathIsChecked() {
      assertEntryError(
          "shop.customer = customer.name",
          "[traced:unknown-parameter] \"customer\" is not a parameter of "
              + CHECKOUT
              + ". Its parameters are: orderId, count.");
    }

    @Test
    void describesGenericAndNestedParameterTypesBySimpleName() {
      JavaFileObject source =
          subject(
              "  enum Channel { WEB }",
              "  @Traced(attrs = {",
              "      \"shop.items = item\"",
              "  })",
              "  void add(java.util.List<String> items, Channel channel, int... counts) {}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "\"shop.items = item\"",
          "[traced:unknown-parameter] \"item\" is not a parameter of Subject.add(List<String>,"
              + " Subject.Channel, int[]). Did you mean \"items\"?");
    }
  }

  @Nested
  @Covers(Message.BLANK_SPAN_NAME)
  class BlankSpanName {

    private void assertBlank(String nameLiteral, String defaultName, String... body) {
      JavaFileObject source = subject(body);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "name = " + nameLiteral,
          "[traced:blank-name] The span name must not be blank. Give a name such as \""
              + defaultName
              + "\", or leave name out to use that default.");
      assertThat(aspectNames(compilation)).isEmpty();
    }

    @Test
    void empty() {
      assertBlank(
          "\"\"",
          "Subject.checkout",
          "  @Traced(",
          "      name = \"\",",
          "      attrs = \"shop.count = count\")",
          "  " + METHOD);
    }

    @Test
    void spacesAndTabs() {
      assertBlank(
          "\" \\t \"",
          "Subject.checkout",
          "  @Traced(",
          "      kind = Traced.Kind.SERVER,",
          "      name = \" \\t \")",
          "  " + METHOD);
    }

    @Test
    void suggestsTheSimpleNameOfANestedClass() {
      assertBlank(
          "\"\"",
          "Inner.run",
          "  static class Inner {",
          "    @Traced(",
          "        name = \"\")",
          "    void run() {}",
          "  }");
    }
  }

  @Nested
  @Covers(Message.NO_BODY)
  class NoBody {

    private void assertNoBody(JavaFileObject source, String methodLine, String message) {
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(compilation, source, methodLine, message);
      assertThat(aspectNames(compilation)).isEmpty();
    }

    @Test
    void abstractMethod() {
      JavaFileObject source =
          source(
              "p.Shop",
              "package p;",
              "import dev.traced.Traced;",
              "abstract class Shop {",
              "  @Traced(name = \"checkout\")",
              "  abstract void checkout(String orderId);",
              "}");
      assertNoBody(
          source,
          "abstract void checkout",
          "[traced:no-body] @Traced needs a method with a Java body, and Shop.checkout(String) is"
              + " abstract. Put @Traced on the method that implements it.");
    }

    @Test
    void interfaceMethodWithoutDefault() {
      JavaFileObject source =
          source(
              "p.Shop",
              "package p;",
              "import dev.traced.Traced;",
              "interface Shop {",
              "  @Traced",
              "  void checkout(String orderId, int count);",
              "}");
      assertNoBody(
          source,
          "void checkout",
          "[traced:no-body] @Traced needs a method with a Java body, and Shop.checkout(String, int) is"
              + " abstract. Put @Traced on the method that implements it.");
    }

    @Test
    void nativeMethod() {
      JavaFileObject source =
          source(
              "p.Shop",
              "package p;",
              "import dev.traced.Traced;",
              "class Shop {",
              "  @Traced",
              "  native long checksum(byte[] data);",
              "}");
      assertNoBody(
          source,
          "native long checksum",
          "[traced:no-body] @Traced needs a method with a Java body, and Shop.checksum(byte[]) is"
              + " native. Put @Traced on the method that calls it.");
    }

    @Test
    void attributeErrorsAreReportedToo() {
      JavaFileObject source =
          source(
              "p.Shop",
              "package p;",
              "import dev.traced.Traced;",
              "interface Shop {",
              "  @Traced(attrs = {",
              "      \"shop.order.id = order\"",
              "  })",
              "  void checkout(String orderId);",
              "}");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(2);
      assertError(
          compilation,
          source,
          "void checkout",
          "[traced:no-body] @Traced needs a method with a Java body, and Shop.checkout(String) is"
              + " abstract. Put @Traced on the method that implements it.");
      assertError(
          compilation,
          source,
          "\"shop.order.id = order\"",
          "[traced:unknown-parameter] \"order\" is not a parameter of Shop.checkout(String). Its"
              + " parameters are: orderId.");
    }
  }

  @Nested
  @Covers(Message.LOCAL_OR_ANONYMOUS_CLASS)
  class LocalOrAnonymousClass {

    @Test
    void localClass() {
      JavaFileObject source =
          subject(
              "  void host() {",
              "    class Local {",
              "      @Traced",
              "      void work(String orderId) {}",
              "    }",
              "  }");
      Compilation compilation = compileWithJavacEnvironment(source);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          source,
          "void work",
          "[traced:local-class] @Traced cannot trace Local.work(String): it belongs to a local or"
              + " anonymous class, which the generated aspect cannot name. Move the method into a"
              + " named top-level, member or nested class.");
    }

    @Test
    void anonymousClass() {
      JavaFileObject source =
          subject(
              "  Runnable task = new Runnable() {",
              "    @Traced",
              "    public void run() {}",
              "  };");
      Compilation compilation = compileWithJavacEnvironment(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation)
          .hadErrorContaining("[traced:local-class] @Traced cannot trace ")
          .inFile(source)
          .onLineContaining("public void run");
    }

    @Test
    void enumConstantBody() {
      JavaFileObject source =
          subject(
              "  enum Op {",
              "    ADD {",
              "      @Traced",
              "      int apply(int a) { return a; }",
              "    };",
              "    abstract int apply(int a);",
              "  }");
      Compilation compilation = compileWithJavacEnvironment(source);
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining("[traced:local-class]");
    }
  }

  /** Several problems in one compilation: all are reported, each at its own place. */
  @Nested
  class ManyErrorsAtOnce {

    @Test
    void threeBadEntriesOnOneMethodGiveThreeErrors() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"Shop.id = orderId\",",
              "      \"shop.count = 'many\",",
              "      \"shop.count = count\",",
              "      \"shop.channel = channel\"",
              "  })",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(3);
      assertError(
          compilation,
          source,
          "\"Shop.id = orderId\"",
          "[traced:invalid-key] \"Shop.id\" is not a valid attribute key: it has upper-case"
              + " letters; write \"shop.id\". OpenTelemetry keys are lower case, in dot-separated"
              + " segments of letters, digits and underscores that each start with a letter, for"
              + " example \"shop.order_id\".");
      assertError(
          compilation,
          source,
          "\"shop.count = 'many\"",
          "[traced:invalid-literal] \"'many\" is not a valid literal: the string has no closing"
              + " single quote.");
      assertError(
          compilation,
          source,
          "\"shop.channel = channel\"",
          "[traced:unknown-parameter] \"channel\" is not a parameter of "
              + CHECKOUT
              + ". Its parameters are: orderId, count.");
      assertThat(aspectNames(compilation)).isEmpty();
    }

    @Test
    void blankNameAndBadEntryOnOneMethod() {
      JavaFileObject source =
          subject(
              "  @Traced(",
              "      name = \"\",",
              "      attrs = {",
              "          \"shop.count = counts\"",
              "      })",
              "  " + METHOD);
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(2);
      assertError(
          compilation,
          source,
          "name = \"\"",
          "[traced:blank-name] The span name must not be blank. Give a name such as"
              + " \"Subject.checkout\", or leave name out to use that default.");
      assertError(
          compilation,
          source,
          "\"shop.count = counts\"",
          "[traced:unknown-parameter] \"counts\" is not a parameter of "
              + CHECKOUT
              + ". Did you mean \"count\"?");
    }

    @Test
    void errorsInSeveralMethodsAndClassesAreReportedInOneCompilation() {
      JavaFileObject shop =
          source(
              "p.Shop",
              "package p;",
              "import dev.traced.Traced;",
              "class Shop {",
              "  @Traced(attrs = \"shop.a = 1.2.3\")",
              "  void first() {}",
              "  @Traced(attrs = \"shop.b = missing\")",
              "  void second() {}",
              "}");
      JavaFileObject cart =
          source(
              "p.Cart",
              "package p;",
              "import dev.traced.Traced;",
              "abstract class Cart {",
              "  @Traced",
              "  abstract void add();",
              "}");
      Compilation compilation = compile(shop, cart);
      assertThat(compilation).hadErrorCount(3);
      assertError(
          compilation,
          shop,
          "shop.a = 1.2.3",
          "[traced:invalid-literal] \"1.2.3\" is not a valid literal: numbers are written as 42,"
              + " -7, 1.5 or 1e3.");
      assertError(
          compilation,
          shop,
          "shop.b = missing",
          "[traced:unknown-parameter] \"missing\" is not a parameter of Shop.second(). It has no"
              + " parameters; bind a literal instead.");
      assertError(
          compilation,
          cart,
          "abstract void add",
          "[traced:no-body] @Traced needs a method with a Java body, and Cart.add() is abstract. Put"
              + " @Traced on the method that implements it.");
      assertNoInternalError(compilation);
    }

    @Test
    void onlyTheClassWithAnErrorGetsNoAspect() {
      JavaFileObject broken =
          source(
              "p.Broken",
              "package p;",
              "import dev.traced.Traced;",
              "class Broken {",
              "  @Traced(attrs = \"shop.ok = 1\")",
              "  void fine() {}",
              "  @Traced(attrs = \"shop.bad = nope\")",
              "  void wrong() {}",
              "}");
      JavaFileObject clean =
          source(
              "p.Clean",
              "package p;",
              "import dev.traced.Traced;",
              "class Clean {",
              "  @Traced",
              "  void fine() {}",
              "}");
      Compilation compilation = compile(broken, clean);
      assertThat(compilation).hadErrorCount(1);
      assertThat(aspectNames(compilation)).containsExactly("p/Clean_Traced.aj");
    }

    @Test
    void errorInANestedClassStopsTheAspectOfItsTopLevelClass() {
      JavaFileObject source =
          subject(
              "  @Traced",
              "  void outer() {}",
              "  static class Inner {",
              "    @Traced(attrs = \"shop.x = y\")",
              "    void inner() {}",
              "  }");
      Compilation compilation = compile(source);
      assertThat(compilation).hadErrorCount(1);
      assertThat(aspectNames(compilation)).isEmpty();
    }
  }
}
