package dev.traced.demo;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line the demo logged, as logback.xml writes it:
 * {@code [shop] 10:15:42.764 INFO  OrderService trace_id=<32 hex> span_id=<16 hex> - message}.
 * The ids are empty for a line logged outside any span.
 */
record LogLine(String process, String level, String logger, String traceId, String spanId,
    String message) {

  private static final Pattern LINE = Pattern.compile(
      "^\\[(shop|inventory)] \\d{2}:\\d{2}:\\d{2}\\.\\d{3} (\\w+) +(\\w+) "
          + "trace_id=([0-9a-f]{32}|) span_id=([0-9a-f]{16}|) - (.*)$");

  /** Every log line in a process's output (the console exporter's span lines are not). */
  static List<LogLine> in(String output) {
    return output.lines()
        .map(LINE::matcher)
        .filter(Matcher::matches)
        .map(m -> new LogLine(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5),
            m.group(6)))
        .collect(Collectors.toList());
  }
}
