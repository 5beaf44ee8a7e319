package dev.traced.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.traced.processor.TestSources.aspectNames;
import static dev.traced.processor.TestSources.assertError;
import static dev.traced.processor.TestSources.assertOnlyError;
import static dev.traced.processor.TestSources.assertOnlyWarning;
import static dev.traced.processor.TestSources.compile;
import static dev.traced.processor.TestSources.source;
import static dev.traced.processor.TestSources.subject;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.traced.processor.diagnostics.Message;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics of what an attribute means rather than how it is written: semantic-convention
 * keys, sensitive data, span names shared by several methods, keys traced reserves, warning
 * suppressions and processor options.
 */
class ConventionDiagnosticsTest {

  @Nested
  @Covers(Message.SEMCONV_TYPE_MISMATCH)
  class SemconvTypeMismatch {

    @Test
    void stableLongKeyBoundToAString() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"http.response.status_code = status\"",
              "  })",
              "  void respond(String status) {}"),
          "\"http.response.status_code = status\"",
          "[traced:semconv-type] Attribute key \"http.response.status_code\" is defined by the"
              + " OpenTelemetry semantic conventions as long, but \"status\" gives a string. Bind"
              + " a value of type long, or use a key in a namespace of your own.");
    }

    @Test
    void stableStringKeyBoundToANumber() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"http.request.method = code\"",
              "  })",
              "  void call(int code) {}"),
          "\"http.request.method = code\"",
          "[traced:semconv-type] Attribute key \"http.request.method\" is defined by the"
              + " OpenTelemetry semantic conventions as string, but \"code\" gives a long. Bind a"
              + " value of type string, or use a key in a namespace of your own.");
    }

    @Test
    void literalOfTheWrongType() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"server.port = '8080'\"",
              "  })",
              "  void connect() {}"),
          "\"server.port = '8080'\"",
          "[traced:semconv-type] Attribute key \"server.port\" is defined by the OpenTelemetry"
              + " semantic conventions as long, but \"'8080'\" gives a string. Bind a value of type"
              + " long, or use a key in a namespace of your own.");
    }

    @Test
    void incubatingKey() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"messaging.batch.message_count = count\"",
              "  })",
              "  void send(String count) {}"),
          "\"messaging.batch.message_count = count\"",
          "[traced:semconv-type] Attribute key \"messaging.batch.message_count\" is defined by the"
              + " OpenTelemetry semantic conventions as long, but \"count\" gives a string. Bind a"
              + " value of type long, or use a key in a namespace of your own.");
    }

    @Test
    void templateKey() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"http.request.header.x_request_id = requestId\"",
              "  })",
              "  void handle(String requestId) {}"),
          "\"http.request.header.x_request_id = requestId\"",
          "[traced:semconv-type] Attribute key \"http.request.header.x_request_id\" is defined by"
              + " the OpenTelemetry semantic conventions as string[], but \"requestId\" gives a"
              + " string. Bind a value of type string[], or use a key in a namespace of your own.");
    }

    @Test
    void matchingTypesCompile() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(attrs = {\"http.response.status_code = status\",",
                  "      \"http.request.header.x_request_id = ids\", \"server.port = 8080\"})",
                  "  void respond(int status, java.util.List<String> ids) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void theCheckCanBeTurnedOff() {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(new TracedProcessor())
              .withOptions("-Atraced.semconv=off")
              .compile(
                  subject(
                      "  @Traced(attrs = \"http.response.status_code = status\")",
                      "  void respond(String status) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  @Covers(Message.DEPRECATED_KEY)
  class DeprecatedKey {

    private static final String WARNING =
        "[traced:deprecated-key] Attribute key \"http.method\" is deprecated in the OpenTelemetry"
            + " semantic conventions: Replaced by http.request.method. Use the replacement, or"
            + " add @SuppressWarnings(\"traced:deprecated-key\") to keep it.";

    @Test
    void withoutAReplacement() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"db.user = user\"",
              "  })",
              "  void query(String user) {}");
      assertOnlyWarning(
          compile(source),
          source,
          "\"db.user = user\"",
          "[traced:deprecated-key] Attribute key \"db.user\" is deprecated in the OpenTelemetry"
              + " semantic conventions: Removed, no replacement at this time. Remove it or use a"
              + " key of your own, or add @SuppressWarnings(\"traced:deprecated-key\") to keep"
              + " it.");
    }

    @Test
    void aNoteWithoutAFinalPeriodStillReadsAsASentence() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"http.flavor = flavor\"",
              "  })",
              "  void call(String flavor) {}");
      assertOnlyWarning(
          compile(source),
          source,
          "\"http.flavor = flavor\"",
          "[traced:deprecated-key] Attribute key \"http.flavor\" is deprecated in the"
              + " OpenTelemetry semantic conventions: Split into network.protocol.name and"
              + " network.protocol.version. Use the replacement, or add"
              + " @SuppressWarnings(\"traced:deprecated-key\") to keep it.");
    }

    @Test
    void warnsAndNamesTheReplacement() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {",
              "      \"http.method = method\"",
              "  })",
              "  void handle(String method) {}");
      Compilation compilation = compile(source);
      assertOnlyWarning(compilation, source, "\"http.method = method\"", WARNING);
      assertThat(aspectNames(compilation)).containsExactly("p/Subject_Traced.aj");
    }

    @Test
    void suppressedOnTheMethod() {
      Compilation compilation =
          compile(
              subject(
                  "  @SuppressWarnings(\"traced:deprecated-key\")",
                  "  @Traced(attrs = \"http.method = method\")",
                  "  void handle(String method) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void suppressedOnTheClass() {
      Compilation compilation =
          compile(
              source(
                  "p.Api",
                  "package p;",
                  "import dev.traced.Traced;",
                  "@SuppressWarnings({\"unused\", \"traced:deprecated-key\"})",
                  "class Api {",
                  "  static class Inner {",
                  "    @Traced(attrs = \"http.method = method\")",
                  "    void handle(String method) {}",
                  "  }",
                  "}"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void anotherSuppressionDoesNotHideIt() {
      JavaFileObject source =
          subject(
              "  @SuppressWarnings(\"unchecked\")",
              "  @Traced(attrs = {",
              "      \"http.method = method\"",
              "  })",
              "  void handle(String method) {}");
      assertOnlyWarning(compile(source), source, "\"http.method = method\"", WARNING);
    }
  }

  @Nested
  @Covers(Message.SENSITIVE_VALUE)
  class SensitiveValue {

    private void assertSensitive(String method, String entry, String message) {
      assertOnlyError(
          subject("  @Traced(attrs = {", "      \"" + entry + "\"", "  })", "  " + method),
          "\"" + entry + "\"",
          message);
    }

    @Test
    void secretKey() {
      assertSensitive(
          "void login(String user, String secret) {}",
          "auth.password = secret",
          "[traced:sensitive-value] \"auth.password\" looks like it records a secret (\"password\""
              + " in \"auth.password = secret\"), and traces are stored and read widely. Bind"
              + " something else, or, if recording it is intended, say so with allowSensitive ="
              + " \"auth.password\" on this @Traced.");
    }

    @Test
    void camelCaseParameter() {
      assertSensitive(
          "void call(String authToken) {}",
          "shop.auth = authToken",
          "[traced:sensitive-value] \"shop.auth\" looks like it records a secret (\"token\" in"
              + " \"shop.auth = authToken\"), and traces are stored and read widely. Bind something"
              + " else, or, if recording it is intended, say so with allowSensitive = \"shop.auth\""
              + " on this @Traced.");
    }

    @Test
    void personalDataInAProperty() {
      assertSensitive(
          "void register(User user) {} record User(String id, String emailAddress) {}",
          "shop.user.contact = user.emailAddress",
          "[traced:sensitive-value] \"shop.user.contact\" looks like it records personal data"
              + " (\"email\" in \"shop.user.contact = user.emailAddress\"), and traces are stored"
              + " and read widely. Bind something else, or, if recording it is intended, say so"
              + " with allowSensitive = \"shop.user.contact\" on this @Traced.");
    }

    @Test
    void plural() {
      assertSensitive(
          "void reset(java.util.List<String> passwords) {}",
          "auth.history = passwords",
          "[traced:sensitive-value] \"auth.history\" looks like it records a secret"
              + " (\"passwords\" in \"auth.history = passwords\"), and traces are stored and read"
              + " widely. Bind something else, or, if recording it is intended, say so with"
              + " allowSensitive = \"auth.history\" on this @Traced.");
    }

    @Test
    void twoWordName() {
      assertSensitive(
          "void pay(String cardNumber) {}",
          "payment.card = cardNumber",
          "[traced:sensitive-value] \"payment.card\" looks like it records personal data (\"card"
              + " number\" in \"payment.card = cardNumber\"), and traces are stored and read"
              + " widely. Bind something else, or, if recording it is intended, say so with"
              + " allowSensitive = \"payment.card\" on this @Traced.");
    }

    @Test
    void authorizationHeader() {
      assertSensitive(
          "void handle(java.util.List<String> header) {}",
          "http.request.header.authorization = header",
          "[traced:sensitive-value] \"http.request.header.authorization\" looks like it records a"
              + " secret (\"authorization\" in \"http.request.header.authorization = header\"),"
              + " and traces are stored and read widely. Bind something else, or, if recording it"
              + " is intended, say so with allowSensitive = \"http.request.header.authorization\""
              + " on this @Traced.");
    }

    @Test
    void allowedWhenTheAnnotationSaysSo() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(attrs = \"enduser.email = email\", allowSensitive = \"enduser.email\")",
                  "  void register(String email) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void wordsInsideOtherWordsAreNotSensitive() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(attrs = {\"server.address = address\",",
                  "      \"gen_ai.usage.input_tokens = tokens\", \"shop.tokenizer = tokenizer\"})",
                  "  void call(String address, long tokens, String tokenizer) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  @Covers(Message.UNKNOWN_ALLOWED_SENSITIVE)
  class UnknownAllowedSensitive {

    @Test
    void suggestsTheKey() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = {\"enduser.id = id\", \"enduser.email = email\"},",
              "      allowSensitive = \"enduser.mail\")",
              "  void register(String id, String email) {}");
      Compilation compilation = compile(source);
      // The misspelled exception does not cover the sensitive entry, which is reported too.
      assertThat(compilation).hadErrorCount(2);
      assertError(
          compilation,
          source,
          "allowSensitive = \"enduser.mail\"",
          "[traced:unknown-allow-sensitive] allowSensitive names \"enduser.mail\", which is not a"
              + " key in this method's attrs. Did you mean \"enduser.email\"?");
      assertThat(compilation).hadErrorContaining("[traced:sensitive-value] \"enduser.email\"");
    }

    @Test
    void listsTheKeys() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {\"shop.order.id = id\", \"shop.items = items\"},",
              "      allowSensitive = \"user.password\")",
              "  void place(String id, int items) {}"),
          "allowSensitive = \"user.password\"",
          "[traced:unknown-allow-sensitive] allowSensitive names \"user.password\", which is not"
              + " a key in this method's attrs. Its keys are: shop.order.id, shop.items.");
    }

    @Test
    void withoutAttrs() {
      assertOnlyError(
          subject(
              "  @Traced(allowSensitive = \"enduser.email\")",
              "  void register(String email) {}"),
          "allowSensitive = \"enduser.email\"",
          "[traced:unknown-allow-sensitive] allowSensitive names \"enduser.email\", which is not"
              + " a key in this method's attrs. It has no attrs; remove allowSensitive.");
    }
  }

  @Nested
  @Covers(Message.NEEDLESS_ALLOWED_SENSITIVE)
  class NeedlessAllowedSensitive {

    @Test
    void aLiteralIsNeverSensitive() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = \"auth.mode = 'password'\",",
              "      allowSensitive = \"auth.mode\")",
              "  void login() {}");
      assertOnlyWarning(
          compile(source),
          source,
          "allowSensitive = \"auth.mode\"",
          "[traced:needless-allow-sensitive] allowSensitive names \"auth.mode\", but its value"
              + " does not look sensitive, so no exception is needed. Remove it from"
              + " allowSensitive.");
    }

    @Test
    void warnsThatTheExceptionIsNotNeeded() {
      JavaFileObject source =
          subject(
              "  @Traced(attrs = \"shop.order.id = orderId\",",
              "      allowSensitive = \"shop.order.id\")",
              "  void place(String orderId) {}");
      assertOnlyWarning(
          compile(source),
          source,
          "allowSensitive = \"shop.order.id\"",
          "[traced:needless-allow-sensitive] allowSensitive names \"shop.order.id\", but its value"
              + " does not look sensitive, so no exception is needed. Remove it from"
              + " allowSensitive.");
    }
  }

  @Nested
  @Covers(Message.UNTRIMMED_SPAN_NAME)
  class UntrimmedSpanName {

    @Test
    void leadingSpace() {
      assertOnlyError(
          subject("  @Traced(name = \" checkout\")", "  void checkout() {}"),
          "name = \" checkout\"",
          "[traced:untrimmed-name] The span name \" checkout\" starts or ends with whitespace,"
              + " which backends show but users cannot see or search for. Write \"checkout\".");
    }

    @Test
    void trailingNewline() {
      assertOnlyError(
          subject("  @Traced(name = \"checkout\\n\")", "  void checkout() {}"),
          "name = \"checkout\\n\"",
          "[traced:untrimmed-name] The span name \"checkout\\n\" starts or ends with whitespace,"
              + " which backends show but users cannot see or search for. Write \"checkout\".");
    }
  }

  @Nested
  @Covers(Message.SPAN_NAME_CONFLICT)
  class SpanNameConflict {

    @Test
    void twoMethodsOfOneClass() {
      assertOnlyError(
          subject(
              "  @Traced(name = \"shop.pay\", attrs = \"shop.amount = cents\")",
              "  void payCents(long cents) {}",
              "  @Traced(name = \"shop.pay\", attrs = {",
              "      \"shop.amount = amount\"",
              "  })",
              "  void payText(String amount) {}"),
          "\"shop.amount = amount\"",
          "[traced:span-name-conflict] Span \"shop.pay\" already has attribute \"shop.amount\" of"
              + " type long (in Subject.payCents(long)), but here its value is of type string. A"
              + " span name must mean one set of attribute types, or queries and the span"
              + " catalogue contradict themselves: bind a long value, use another key, or give"
              + " this span another name.");
    }

    @Test
    void twoClasses() {
      JavaFileObject first =
          source(
              "p.A",
              "package p;",
              "class A { @dev.traced.Traced(name = \"job\", attrs = \"job.retry = true\")"
                  + " void run() {} }");
      JavaFileObject second =
          source(
              "p.B",
              "package p;",
              "class B {",
              "  @dev.traced.Traced(name = \"job\", attrs = {",
              "      \"job.retry = 3\"",
              "  })",
              "  void run() {}",
              "}");
      Compilation compilation = compile(first, second);
      assertThat(compilation).hadErrorCount(1);
      assertError(
          compilation,
          second,
          "\"job.retry = 3\"",
          "[traced:span-name-conflict] Span \"job\" already has attribute \"job.retry\" of type"
              + " boolean (in A.run()), but here its value is of type long. A span name must mean"
              + " one set of attribute types, or queries and the span catalogue contradict"
              + " themselves: bind a boolean value, use another key, or give this span another"
              + " name.");
    }

    @Test
    void sameTypesAreFine() {
      Compilation compilation =
          compile(
              subject(
                  "  @Traced(name = \"shop.pay\", attrs = \"shop.amount = cents\")",
                  "  void payCents(long cents) {}",
                  "  @Traced(name = \"shop.pay\", attrs = \"shop.amount = amount\")",
                  "  void payInt(int amount) {}"));
      assertThat(compilation).succeededWithoutWarnings();
    }
  }

  @Nested
  @Covers(Message.RESERVED_KEY)
  class ReservedKey {

    @Test
    void errorType() {
      assertOnlyError(
          subject(
              "  @Traced(attrs = {",
              "      \"error.type = kind\"",
              "  })",
              "  void fail(String kind) {}"),
          "\"error.type = kind\"",
          "[traced:reserved-key] Attribute key \"error.type\" is set by traced itself (the class"
              + " of the exception when the method fails), so a value bound here would be"
              + " overwritten or contradicted. Use another key.");
    }
  }

  @Nested
  @Covers(Message.INEFFECTIVE_SUPPRESSION)
  class IneffectiveSuppression {

    @Test
    void misspelledId() {
      JavaFileObject source =
          subject(
              "  @SuppressWarnings(\"traced:deprecated-keys\")",
              "  @Traced",
              "  void handle() {}");
      assertOnlyWarning(
          compile(source),
          source,
          "@SuppressWarnings(\"traced:deprecated-keys\")",
          "[traced:ineffective-suppression] @SuppressWarnings(\"traced:deprecated-keys\") has no"
              + " effect: traced has no diagnostic with that id. Its warnings are:"
              + " traced:deprecated-key, traced:needless-allow-sensitive, traced:needless-expected,"
              + " traced:span-ends-at-return, traced:needless-end-at-return,"
              + " traced:ineffective-suppression.");
    }

    @Test
    void anErrorCannotBeSuppressed() {
      JavaFileObject source =
          source(
              "p.Api",
              "package p;",
              "@SuppressWarnings(\"traced:sensitive-value\")",
              "class Api {",
              "  @dev.traced.Traced void handle() {}",
              "}");
      assertOnlyWarning(
          compile(source),
          source,
          "@SuppressWarnings(\"traced:sensitive-value\")",
          "[traced:ineffective-suppression] @SuppressWarnings(\"traced:sensitive-value\") has"
              + " no effect: that is an error, and errors cannot be suppressed. Fix what it"
              + " reports.");
    }

    @Test
    void onAClassWithoutTracedMethods() {
      JavaFileObject source =
          source(
              "p.Plain",
              "package p;",
              "class Plain {",
              "  @SuppressWarnings(\"traced:nope\")",
              "  void run() {}",
              "}");
      assertOnlyWarning(
          compile(source),
          source,
          "@SuppressWarnings(\"traced:nope\")",
          "[traced:ineffective-suppression] @SuppressWarnings(\"traced:nope\") has no effect:"
              + " traced has no diagnostic with that id. Its warnings are: traced:deprecated-key,"
              + " traced:needless-allow-sensitive, traced:needless-expected,"
              + " traced:span-ends-at-return, traced:needless-end-at-return,"
              + " traced:ineffective-suppression.");
    }
  }

  @Nested
  @Covers(Message.INVALID_OPTION)
  class InvalidOption {

    @Test
    void semconvOptionValue() {
      Compilation compilation =
          Compiler.javac()
              .withProcessors(new TracedProcessor())
              .withOptions("-Atraced.semconv=maybe")
              .compile(subject("  @Traced void handle() {}"));
      assertThat(compilation).failed();
      assertThat(compilation.errors()).hasSize(1);
      Diagnostic<?> error = compilation.errors().get(0);
      assertThat(error.getMessage(Locale.ROOT))
          .isEqualTo(
              "[traced:invalid-option] Processor option -Atraced.semconv=maybe is not valid:"
                  + " write -Atraced.semconv=on or -Atraced.semconv=off.");
      assertThat(error.getSource()).isNull(); // an option belongs to no source file
    }
  }
}
