package dev.traced.it;

import static dev.traced.testsupport.OtlpValues.bool;
import static dev.traced.testsupport.OtlpValues.integer;
import static dev.traced.testsupport.OtlpValues.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.testsupport.OtlpHttpReceiver;
import dev.traced.testsupport.OtlpHttpReceiver.ReceivedSpan;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span.Event;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Spring Boot service built exactly as the README's Spring Boot section says, by a real
 * {@code mvn package}, run as its own JVM, and watched from outside: HTTP requests in, OTLP
 * spans and log lines out. Each subclass is one way of giving a Boot service its OpenTelemetry;
 * its fixture directory holds the pom and {@code application.properties}, laid over the service
 * code all of them share ({@code src/it/shop-service}).
 *
 * <p>The service is built and started once per class; the tests tell their spans apart by the
 * values they send.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SpringBootServiceIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SPAN_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern STARTED = Pattern.compile("Started ShopApplication in");

  private final String fixture;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private OtlpHttpReceiver receiver;
  private ChildProcess service;
  private URI base;

  SpringBootServiceIT(String fixture) {
    this.fixture = fixture;
  }

  /** The command-line properties that send this kind of service's spans to {@code receiver}. */
  abstract List<String> exportTo(OtlpHttpReceiver receiver);

  /** Whether this service's Boot pins AspectJ 1.9.24 (3.5 does), which cannot compile for 25. */
  abstract boolean bootPinsAspectJ1924();

  /**
   * On JDK 25 and later the service is compiled for that Java ({@code java.version}), and a
   * Boot that pins AspectJ 1.9.24 gets 1.9.25.1 instead ({@code aspectj.version}): what the
   * README tells users to do.
   */
  private List<String> buildArguments() {
    int jdk = Runtime.version().feature();
    List<String> arguments = new ArrayList<>();
    if (jdk >= 25) {
      arguments.add("-Djava.version=" + jdk);
      if (bootPinsAspectJ1924()) {
        arguments.add("-Daspectj.version=1.9.25.1");
      }
    }
    return arguments;
  }

  @BeforeAll
  void buildAndStart() throws Exception {
    Path project = Fixture.copy(fixture, "shop-service", fixture);
    List<String> build = new ArrayList<>(buildArguments());
    build.add("package");
    Fixture.build(project, build.toArray(String[]::new));

    receiver = new OtlpHttpReceiver();
    int port = freeLoopbackPort();
    List<String> command = new ArrayList<>(List.of(ChildProcess.java(),
        "-jar", project.resolve("target/shop-1.0.0.jar").toString(),
        "--server.port=" + port,
        "--server.address=127.0.0.1"));
    command.addAll(exportTo(receiver));
    long start = System.nanoTime();
    service = ChildProcess.start(fixture, command, project, Map.of(),
        project.resolve("service.log"));
    service.awaitOutput(STARTED, START_TIMEOUT);
    System.out.printf("[traced-maven-it] %s started in %d s%n", fixture,
        Duration.ofNanos(System.nanoTime() - start).toSeconds());
    base = URI.create("http://127.0.0.1:" + port);
  }

  @AfterAll
  void stop() throws InterruptedException {
    try {
      if (service != null) {
        service.stop(STOP_TIMEOUT);
      }
    } finally {
      if (receiver != null) {
        receiver.close();
      }
    }
  }

  @Test
  void tracedSpansNestInsideTheHttpServerSpanWithTypedAttributes() throws Exception {
    HttpResponse<String> answer = get("/quotes/book-1?quantity=3&giftWrap=true&customer=c-nest");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"totalCents\":4050");

    Predicate<ReceivedSpan> quoteSpan = named("shop.quote", "shop.customer.id", "c-nest");
    List<ReceivedSpan> spans = receiver.awaitSpans(received ->
        find(received, quoteSpan)
            .map(quote -> childOf(received, quote, "shop.unit_price").isPresent()
                && parentOf(received, quote).isPresent())
            .orElse(false), SPAN_TIMEOUT);

    ReceivedSpan quote = find(spans, quoteSpan).orElseThrow(() -> missing("shop.quote", spans));
    ReceivedSpan server = parentOf(spans, quote)
        .orElseThrow(() -> missing("the parent of shop.quote", spans));
    ReceivedSpan unitPrice = childOf(spans, quote, "shop.unit_price")
        .orElseThrow(() -> missing("shop.unit_price under shop.quote", spans));

    assertThat(server.span().getKind()).as("%s", server).isEqualTo(SpanKind.SPAN_KIND_SERVER);
    assertThat(List.of(server.traceId(), unitPrice.traceId())).containsOnly(quote.traceId());
    assertThat(quote.scope().getName()).isEqualTo("dev.traced");
    assertThat(quote.attributes())
        .containsEntry("shop.sku", string("book-1"))
        .containsEntry("shop.quantity", integer(3))
        .containsEntry("shop.gift_wrap", bool(true))
        .containsEntry("shop.customer.id", string("c-nest"))
        .containsEntry("shop.customer.member", bool(true))
        .containsEntry("shop.total_cents", integer(4050));
    assertThat(unitPrice.attributes()).containsEntry("shop.sku", string("book-1"));
  }

  @Test
  void aFailureIsRecordedAndAnsweredExactlyAsWithoutTracing() throws Exception {
    HttpResponse<String> tracedOutOfStock = get("/reservations/sold-out-7?quantity=2&traced=true");
    HttpResponse<String> untracedOutOfStock =
        get("/reservations/sold-out-7?quantity=2&traced=false");
    HttpResponse<String> tracedUnknown = get("/reservations/unknown-7?quantity=1&traced=true");
    HttpResponse<String> untracedUnknown = get("/reservations/unknown-7?quantity=1&traced=false");

    // the application's @ExceptionHandler: 409
    assertThat(tracedOutOfStock.statusCode()).isEqualTo(409);
    assertSameAnswer(tracedOutOfStock, untracedOutOfStock);
    // unhandled: Spring Boot's error answer, 500; only its timestamp may differ
    assertThat(tracedUnknown.statusCode()).isEqualTo(500);
    assertSameAnswer(tracedUnknown, untracedUnknown);

    Predicate<ReceivedSpan> outOfStock = named("shop.reserve", "shop.sku", "sold-out-7");
    Predicate<ReceivedSpan> unknown = named("shop.reserve", "shop.sku", "unknown-7");
    // the HTTP server spans end after the answer is sent: wait for them too
    List<ReceivedSpan> spans = receiver.awaitSpans(received ->
        find(received, outOfStock).flatMap(span -> parentOf(received, span)).isPresent()
            && find(received, unknown).flatMap(span -> parentOf(received, span)).isPresent(),
        SPAN_TIMEOUT);

    assertThat(spans.stream().filter(outOfStock)).as("only the traced call has a span")
        .hasSize(1);
    assertFailure(find(spans, outOfStock).orElseThrow(() -> missing("sold-out-7", spans)),
        "shop.OutOfStockException", "sold-out-7: 2 requested, 0 in stock", spans);
    assertFailure(find(spans, unknown).orElseThrow(() -> missing("unknown-7", spans)),
        "java.lang.IllegalStateException", "no such article: unknown-7", spans);
  }

  @Test
  void logLinesWrittenInATracedMethodCarryItsTraceAndSpanIds() throws Exception {
    assertThat(get("/quotes/pen-2?quantity=1&giftWrap=false&customer=c-log").statusCode())
        .isEqualTo(200);
    Predicate<ReceivedSpan> quoteSpan = named("shop.quote", "shop.customer.id", "c-log");
    List<ReceivedSpan> spans =
        receiver.awaitSpans(received -> find(received, quoteSpan).isPresent(), SPAN_TIMEOUT);
    ReceivedSpan quote = find(spans, quoteSpan).orElseThrow(() -> missing("shop.quote", spans));

    Stream<String> lines = service.output().lines();
    assertThat(lines.filter(line -> line.contains("quoting 1 x pen-2 for c-log")))
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains(quote.traceId())
        .contains(quote.spanId());
  }

  /** WarmUp, an ApplicationRunner, calls a traced method as the service starts. */
  @Test
  void aTracedCallWhileTheServiceStartsIsExported() throws Exception {
    Predicate<ReceivedSpan> warmUp = named("shop.unit_price", "shop.sku", "warm-up");
    List<ReceivedSpan> spans =
        receiver.awaitSpans(received -> find(received, warmUp).isPresent(), SPAN_TIMEOUT);
    ReceivedSpan span = find(spans, warmUp).orElseThrow(() -> missing("warm-up", spans));
    assertThat(span.parentSpanId()).as("a root span").isEmpty();
    assertThat(span.scope().getName()).isEqualTo("dev.traced");
  }

  private void assertFailure(ReceivedSpan span, String type, String message,
      List<ReceivedSpan> spans) {
    assertThat(span.span().getStatus().getCode()).as("%s", span)
        .isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(span.attributes()).containsEntry("error.type", string(type));
    assertThat(span.span().getEventsList()).extracting(Event::getName).contains("exception");
    Event exception = span.span().getEventsList().stream()
        .filter(event -> event.getName().equals("exception")).findFirst().orElseThrow();
    assertThat(ReceivedSpan.attributes(exception.getAttributesList()))
        .containsEntry("exception.type", string(type))
        .containsEntry("exception.message", string(message));
    assertThat(parentOf(spans, span)).as("the HTTP server span of %s", span)
        .hasValueSatisfying(server ->
            assertThat(server.span().getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER));
  }

  private static void assertSameAnswer(HttpResponse<String> traced,
      HttpResponse<String> untraced) {
    assertThat(traced.statusCode()).isEqualTo(untraced.statusCode());
    assertThat(traced.headers().firstValue("Content-Type"))
        .isEqualTo(untraced.headers().firstValue("Content-Type"));
    assertThat(withoutTimestamp(traced.body())).isEqualTo(withoutTimestamp(untraced.body()));
  }

  private static String withoutTimestamp(String body) {
    return body.replaceAll("\"timestamp\":\"[^\"]*\"", "\"timestamp\":\"(any)\"");
  }

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
            .timeout(REQUEST_TIMEOUT)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Predicate<ReceivedSpan> named(String name, String key, String value) {
    return span -> span.name().equals(name)
        && string(value).equals(span.attributes().get(key));
  }

  private static Optional<ReceivedSpan> find(List<ReceivedSpan> spans,
      Predicate<ReceivedSpan> which) {
    return spans.stream().filter(which).findFirst();
  }

  private static Optional<ReceivedSpan> parentOf(List<ReceivedSpan> spans, ReceivedSpan child) {
    return spans.stream()
        .filter(span -> span.traceId().equals(child.traceId())
            && span.spanId().equals(child.parentSpanId()))
        .findFirst();
  }

  private static Optional<ReceivedSpan> childOf(List<ReceivedSpan> spans, ReceivedSpan parent,
      String name) {
    return spans.stream()
        .filter(span -> span.name().equals(name)
            && span.traceId().equals(parent.traceId())
            && span.parentSpanId().equals(parent.spanId()))
        .findFirst();
  }

  private static AssertionError missing(String what, List<ReceivedSpan> spans) {
    return new AssertionError("no " + what + " among the spans received:\n"
        + String.join("\n", spans.stream().map(ReceivedSpan::toString).toList()));
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
