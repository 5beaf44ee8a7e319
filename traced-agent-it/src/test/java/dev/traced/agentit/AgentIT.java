package dev.traced.agentit;

import static dev.traced.testsupport.OtlpValues.bool;
import static dev.traced.testsupport.OtlpValues.floating;
import static dev.traced.testsupport.OtlpValues.integer;
import static dev.traced.testsupport.OtlpValues.string;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.testsupport.OtlpHttpReceiver;
import dev.traced.testsupport.OtlpHttpReceiver.ReceivedSpan;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status.StatusCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link AgentApp}, built through the real processor and weave, run under the OpenTelemetry java
 * agent in a JVM of its own, with the agent's OTLP exporter sending to an {@link OtlpHttpReceiver}
 * in this test. The assertions are on the spans as exported.
 */
class AgentIT {

  private static final String AGENT_VERSION = System.getProperty("traced.agentit.agentVersion");
  private static final String API_VERSION = System.getProperty("traced.agentit.apiVersion");
  private static final String BOOT3_API_VERSION =
      System.getProperty("traced.agentit.boot3ApiVersion");
  private static final String TRACED_VERSION = System.getProperty("traced.agentit.tracedVersion");

  /** The service name the agent is given; the application's own SDK uses another. */
  private static final String SERVICE_NAME = "traced-agent-it";
  /** Instrumentation scopes of the agent's instrumentation of the JDK HTTP client and server. */
  private static final String AGENT_HTTP_CLIENT = "io.opentelemetry.java-http-client";
  private static final String AGENT_HTTP_SERVER = "io.opentelemetry.java-http-server";

  static Stream<String> apiVersions() {
    // This build's opentelemetry-api, and the one Spring Boot 3.5 pins: an agent user's
    // application often runs on an older API than traced is built against.
    return Stream.of(API_VERSION, BOOT3_API_VERSION);
  }

  /** An application that sets up no OpenTelemetry: the agent's SDK exports its traced spans. */
  @ParameterizedTest(name = "opentelemetry-api {0}")
  @MethodSource("apiVersions")
  void agentExportsTheTracedSpans(String apiVersion) throws Exception {
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
      AppProcess.Finished run = AppProcess.run("agent-only-api-" + apiVersion,
          agentOptions(receiver), AppProcess.classPath("app", "api-" + apiVersion));

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("done on opentelemetry-api " + apiVersion);
      assertTracedByTheAgent(receiver.spans(), "agent-only");
    }
  }

  /**
   * An application that registers an SDK of its own as the global, after its first traced call,
   * as a program written for the SDK and later run under the agent does: the agent ignores the
   * registration, and the traced spans, before and after it, still go to the agent.
   */
  @Test
  void agentExportsTheTracedSpansOfAnApplicationThatRegistersItsOwnSdk() throws Exception {
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
      AppProcess.Finished run = AppProcess.run("own-sdk-under-agent", agentOptions(receiver),
          AppProcess.classPath("app", "api-" + API_VERSION, "own-sdk"),
          "own-sdk", receiver.tracesEndpoint().toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("registered an SDK of its own as the global")
          // the agent's answer to GlobalOpenTelemetry.set: a warning, not an exception
          .contains("all GlobalOpenTelemetry.set calls are ignored")
          .contains("done on opentelemetry-api " + API_VERSION);
      assertTracedByTheAgent(receiver.spans(), "own-sdk");
    }
  }

  /**
   * The agent loaded but switched off ({@code otel.javaagent.enabled=false}): it bridges nothing,
   * so traced must treat the application as one without the agent. In particular it must not
   * have called {@code GlobalOpenTelemetry.get()} at its first call, which would have fixed the
   * global to a no-op and made the application's later registration throw.
   */
  @Test
  void disabledAgentLeavesTheTracedSpansToTheApplicationsLateSdk() throws Exception {
    try (OtlpHttpReceiver receiver = new OtlpHttpReceiver()) {
      List<String> options = new ArrayList<>(agentOptions(receiver));
      options.add("-Dotel.javaagent.enabled=false");
      AppProcess.Finished run = AppProcess.run("own-sdk-agent-disabled", options,
          AppProcess.classPath("app", "api-" + API_VERSION, "own-sdk"),
          "own-sdk", receiver.tracesEndpoint().toString());

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output())
          .contains("registered an SDK of its own as the global")
          .doesNotContain("GlobalOpenTelemetry.set calls are ignored");
      List<ReceivedSpan> spans = receiver.spans();
      // app.start ran before any SDK was registered: no span. Nothing of the agent's: no HTTP
      // spans, and no trace context carried from the client to the server.
      assertThat(spans).extracting(ReceivedSpan::name)
          .as("%s", spans)
          .containsExactlyInAnyOrder("shop.order", "inventory.reserve", "shop.cancel");
      assertThat(spans).allSatisfy(span -> {
        assertThat(span.resourceAttribute("service.name")).isEqualTo(OwnSdk.SERVICE_NAME);
        assertThat(span.resourceAttribute("telemetry.distro.name")).isNull();
        assertThat(span.parentSpanId()).as("parent of %s", span).isEmpty();
      });
      assertThat(tracedAttributes(single(spans, "shop.order"), "Shop.order", false))
          .isEqualTo(orderAttributes());
      assertThat(tracedAttributes(single(spans, "inventory.reserve"), "Inventory.reserve", false))
          .isEqualTo(reserveAttributes());
      assertFailureRecorded(single(spans, "shop.cancel"), false);
    }
  }

  /** The JVM options of an agent user: the agent, its service name, OTLP to the receiver. */
  private static List<String> agentOptions(OtlpHttpReceiver receiver) {
    return List.of(
        "-javaagent:" + AppProcess.DIRECTORY.resolve("opentelemetry-javaagent.jar"),
        "-Dotel.service.name=" + SERVICE_NAME,
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.traces.protocol=http/protobuf",
        "-Dotel.exporter.otlp.traces.endpoint=" + receiver.tracesEndpoint(),
        "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none");
  }

  /**
   * Every span of the run exported by the agent's SDK, and exactly these: the first traced call,
   * one trace from a traced method through the agent's HTTP client and server spans to a traced
   * method, and a traced failure.
   */
  private static void assertTracedByTheAgent(List<ReceivedSpan> spans, String scenario) {
    assertThat(spans).extracting(ReceivedSpan::name)
        .as("%s", spans)
        .containsExactlyInAnyOrder("app.start", "shop.order", "GET", "GET /reservations",
            "inventory.reserve", "shop.cancel");
    assertThat(spans).allSatisfy(AgentIT::assertExportedByTheAgent);

    // The very first traced call of the program, before any span of the agent's existed.
    ReceivedSpan start = single(spans, "app.start");
    assertThat(start.parentSpanId()).isEmpty();
    assertThat(tracedAttributes(start, "AgentApp.start", true))
        .isEqualTo(Map.of("agentit.scenario", string(scenario)));

    // traced → agent CLIENT → agent SERVER → traced, in one trace.
    ReceivedSpan order = single(spans, "shop.order");
    ReceivedSpan client = single(spans, span -> span.scope().getName().equals(AGENT_HTTP_CLIENT));
    ReceivedSpan server = single(spans, span -> span.scope().getName().equals(AGENT_HTTP_SERVER));
    ReceivedSpan reserve = single(spans, "inventory.reserve");
    assertThat(order.parentSpanId()).isEmpty();
    assertThat(order.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
    assertThat(client.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
    assertThat(client.parentSpanId()).isEqualTo(order.spanId());
    assertThat(server.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
    assertThat(server.parentSpanId()).isEqualTo(client.spanId());
    assertThat(reserve.kind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
    assertThat(reserve.parentSpanId()).isEqualTo(server.spanId());
    assertThat(spans.stream().filter(span -> span.traceId().equals(order.traceId())))
        .containsExactlyInAnyOrder(order, client, server, reserve);
    assertThat(tracedAttributes(order, "Shop.order", true)).isEqualTo(orderAttributes());
    assertThat(tracedAttributes(reserve, "Inventory.reserve", true))
        .isEqualTo(reserveAttributes());

    assertFailureRecorded(single(spans, "shop.cancel"), true);
  }

  private static void assertExportedByTheAgent(ReceivedSpan span) {
    assertThat(span.resourceAttribute("telemetry.distro.name")).as("distro of %s", span)
        .isEqualTo("opentelemetry-java-instrumentation");
    assertThat(span.resourceAttribute("telemetry.distro.version")).as("distro of %s", span)
        .isEqualTo(AGENT_VERSION);
    assertThat(span.resourceAttribute("service.name")).as("service of %s", span)
        .isEqualTo(SERVICE_NAME);
  }

  private static Map<String, AnyValue> orderAttributes() {
    return Map.of(
        "shop.item.sku", string("book-42"),
        "shop.item.quantity", integer(3),
        "shop.order.express", bool(true),
        "shop.order.status", integer(200));
  }

  private static Map<String, AnyValue> reserveAttributes() {
    return Map.of(
        "shop.item.sku", string("book-42"),
        "shop.item.quantity", integer(3),
        "shop.stock.left", integer(97),
        "shop.stock.fill_ratio", floating(0.97));
  }

  /** A traced method that throws: status ERROR with the message, error.type, the event. */
  private static void assertFailureRecorded(ReceivedSpan cancel, boolean underAgent) {
    assertThat(cancel.span().getStatus().getCode()).isEqualTo(StatusCode.STATUS_CODE_ERROR);
    assertThat(cancel.span().getStatus().getMessage())
        .isEqualTo("order order-7 has already shipped");
    assertThat(tracedAttributes(cancel, "Shop.cancel", underAgent)).isEqualTo(Map.of(
        "shop.order.id", string("order-7"),
        "error.type", string("java.lang.IllegalStateException")));
    assertThat(cancel.span().getEventsList()).singleElement().satisfies(event -> {
      assertThat(event.getName()).isEqualTo("exception");
      assertThat(ReceivedSpan.attributes(event.getAttributesList()))
          .containsEntry("exception.type", string("java.lang.IllegalStateException"))
          .containsEntry("exception.message", string("order order-7 has already shipped"))
          .containsKey("exception.stacktrace");
    });
  }

  /**
   * The attributes of a traced span without those every traced span carries (scope
   * {@code dev.traced}, {@code code.*}) and, under the agent, those its SDK adds to every span
   * ({@code thread.id}, {@code thread.name}), after checking them.
   */
  private static Map<String, AnyValue> tracedAttributes(ReceivedSpan span, String method,
      boolean underAgent) {
    assertThat(span.scope().getName()).as("scope of %s", span).isEqualTo("dev.traced");
    assertThat(span.scope().getVersion()).as("scope of %s", span).isEqualTo(TRACED_VERSION);
    Map<String, AnyValue> attributes = new HashMap<>(span.attributes());
    String className = method.substring(0, method.indexOf('.'));
    assertThat(attributes.remove("code.function.name"))
        .isEqualTo(string("dev.traced.agentit." + method));
    assertThat(attributes.remove("code.file.path"))
        .isEqualTo(string("dev/traced/agentit/" + className + ".java"));
    AnyValue line = attributes.remove("code.line.number");
    assertThat(line).as("code.line.number of %s", span).isNotNull();
    assertThat(line.getIntValue()).isPositive();
    if (underAgent) {
      AnyValue threadId = attributes.remove("thread.id");
      AnyValue threadName = attributes.remove("thread.name");
      assertThat(threadId).as("thread.id of %s", span).isNotNull();
      assertThat(threadId.hasIntValue()).isTrue();
      assertThat(threadName).as("thread.name of %s", span).isNotNull();
      assertThat(threadName.hasStringValue()).isTrue();
    }
    return attributes;
  }

  private static ReceivedSpan single(List<ReceivedSpan> spans, String name) {
    return single(spans, span -> span.name().equals(name));
  }

  private static ReceivedSpan single(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
    List<ReceivedSpan> matching = spans.stream().filter(which).toList();
    assertThat(matching).as("%s", spans).hasSize(1);
    return matching.get(0);
  }
}
