package dev.traced.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The java agent's {@code @WithSpan} span, in a JVM of its own started with {@code -javaagent}: the
 * same name and the two attributes with their types as the hand-written span, plus the agent's
 * {@code code.*} attributes. The agent exports it as OTLP JSON ({@code logging-otlp}), which
 * keeps the attribute types, and the test reads that from the process's output.
 */
class AgentSpanTest {

  @Test
  void agentEmitsTheSpanWithTheTwoTypedAttributes() throws IOException, InterruptedException {
    Path agent = Path.of(System.getProperty("bench.agent.jar",
        "target/agent/opentelemetry-javaagent.jar"));
    assertThat(agent).isRegularFile();
    Path output = Files.createTempFile("agent-span", ".log");
    try {
      Process process = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-javaagent:" + agent,
          "-Dotel.traces.exporter=logging-otlp",
          "-Dotel.metrics.exporter=none",
          "-Dotel.logs.exporter=none",
          "-Dotel.javaagent.add-thread-details=false",
          "-Dotel.service.name=agent-span-test",
          "-cp", System.getProperty("java.class.path"),
          StartupApp.class.getName(), "withSpan")
          .redirectErrorStream(true)
          .redirectOutput(output.toFile())
          .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("agent JVM finished").isTrue();
      String log = Files.readString(output, StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as(log).isZero();

      String span = spanJson(log);
      assertThat(span).contains("\"kind\":1"); // SPAN_KIND_INTERNAL
      assertThat(span).contains(
          "{\"key\":\"bench.order.id\",\"value\":{\"stringValue\":\"order-1\"}}");
      assertThat(span).contains("{\"key\":\"bench.items\",\"value\":{\"intValue\":\"3\"}}");
      // Besides the two, the agent adds where the method is (docs/benchmarks.md).
      assertThat(attributeKeys(span)).containsExactlyInAnyOrder(
          "bench.order.id", "bench.items", "code.function", "code.namespace");
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** The JSON of the span named bench.work, from its name to the end of its attributes. */
  private static String spanJson(String log) {
    int name = log.indexOf("\"name\":\"" + Workload.SPAN_NAME + "\"");
    assertThat(name).as("span bench.work in the agent's output:%n%s", log).isNotNegative();
    int end = log.indexOf("\"status\"", name);
    return log.substring(name, end < 0 ? log.length() : end);
  }

  private static List<String> attributeKeys(String span) {
    TreeSet<String> keys = new TreeSet<>();
    Matcher matcher = Pattern.compile("\\{\"key\":\"([^\"]+)\",\"value\"").matcher(span);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return List.copyOf(keys);
  }
}
