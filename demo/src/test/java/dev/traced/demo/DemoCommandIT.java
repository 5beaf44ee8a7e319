package dev.traced.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The README's command, {@code java -jar demo/target/traced-demo.jar}, with nothing configured:
 * it starts the inventory as a child process, places both orders, prints every span of both
 * processes to the console, and log lines that carry the ids of those spans, stops the child and
 * exits 0.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DemoCommandIT {

  /** A console exporter line: "[inventory] INFO: 'name' : trace-id span-id KIND [tracer: ...". */
  private static final Pattern SPAN_LINE = Pattern.compile(
      "^\\[(shop|inventory)] INFO: '([^']+)' : ([0-9a-f]{32}) ([0-9a-f]{16}) (\\w+) \\[tracer: ");

  private record ConsoleSpan(String process, String name, String traceId, String spanId,
      String kind) {}

  @Test
  void runsBothServicesPrintsTheirSpansAndExits() throws Exception {
    String output;
    try (DemoProcess demo = DemoProcess.start("demo", Map.of())) {
      assertThat(demo.awaitExit(120)).as("exit code; output:%n%s", demo.output()).isZero();
      output = demo.output();
    }

    assertThat(output).contains(
        "shop: service.name=shop, exporters=[LoggingSpanExporter], ",
        "inventory: service.name=inventory, exporters=[LoggingSpanExporter], ",
        "Order order-1001 confirmed: 2 x book-42, total 47.98, payment pay-5001",
        "Order rejected: mug-7: 1 requested, 0 in stock");

    List<ConsoleSpan> spans = output.lines()
        .map(SPAN_LINE::matcher)
        .filter(Matcher::find)
        .map(m -> new ConsoleSpan(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)))
        .collect(Collectors.toList());
    Map<String, List<ConsoleSpan>> traces =
        spans.stream().collect(Collectors.groupingBy(ConsoleSpan::traceId));
    assertThat(traces.values()).extracting(List::size).containsExactlyInAnyOrder(9, 6);
    // In each trace, the inventory's spans carry the shop's trace id: one trace, two processes.
    assertThat(traces.values()).allSatisfy(trace -> assertThat(trace)
        .filteredOn(span -> span.process().equals("inventory"))
        .extracting(ConsoleSpan::name, ConsoleSpan::kind)
        .containsExactlyInAnyOrder(
            tuple("POST /reservations", "SERVER"),
            tuple("InventoryService.reserve", "INTERNAL")));

    // The log lines of both processes: each carries the trace id and span id of a span its own
    // process printed, the traced method that logged it.
    List<LogLine> logLines = LogLine.in(output);
    assertThat(logLines)
        .extracting(LogLine::process, LogLine::level, LogLine::message)
        .containsExactlyInAnyOrder(
            tuple("inventory", "INFO", "reserved 2 x book-42, 998 left"),
            tuple("shop", "INFO",
                "order order-1001 placed: 2 x book-42 for customer-17, 4798 cents, payment pay-5001"),
            tuple("inventory", "WARN", "cannot reserve 1 x mug-7: 0 in stock"),
            tuple("shop", "WARN", "order rejected: mug-7: 1 requested, 0 in stock"));
    Map<String, ConsoleSpan> spansById =
        spans.stream().collect(Collectors.toMap(ConsoleSpan::spanId, Function.identity()));
    assertThat(logLines).allSatisfy(line -> {
      ConsoleSpan span = spansById.get(line.spanId());
      assertThat(span).as("the span of %s", line).isNotNull();
      assertThat(span.process()).isEqualTo(line.process());
      assertThat(span.traceId()).isEqualTo(line.traceId());
      assertThat(span.name())
          .isEqualTo(line.process().equals("shop") ? "checkout" : "InventoryService.reserve");
    });
    // Each order's two lines, one from each process, are in one trace.
    assertThat(logLines.stream().collect(Collectors.groupingBy(LogLine::traceId,
            Collectors.mapping(LogLine::process, Collectors.toSet()))))
        .hasSize(2)
        .allSatisfy((traceId, processes) ->
            assertThat(processes).containsExactlyInAnyOrder("shop", "inventory"));
  }
}
