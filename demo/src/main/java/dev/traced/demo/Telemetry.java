package dev.traced.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs the OpenTelemetry SDK of one process with SDK autoconfigure. The demo only changes
 * autoconfigure's defaults, so every standard {@code OTEL_*} environment variable and
 * {@code otel.*} system property still decides: exporter, endpoint, protocol, sampler,
 * service name, resource attributes.
 */
public final class Telemetry {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  /** The process's name in its log lines: {@code ${traced.demo.process}} in logback.xml. */
  static final String PROCESS_PROPERTY = "traced.demo.process";

  private Telemetry() {}

  /** The demo's defaults: spans to the console, no metrics or logs, this process's name. */
  static Map<String, String> defaults(String serviceName) {
    return Map.of(
        "otel.service.name", serviceName,
        // "console" logs one line per span as it ends (a simple, not a batching, processor).
        "otel.traces.exporter", "console",
        "otel.metrics.exporter", "none",
        "otel.logs.exporter", "none");
  }

  /**
   * Installs the SDK as the global OpenTelemetry, where traced finds it, and prints one line
   * saying what was configured. The caller closes the SDK, which exports every span still
   * buffered; the SDK's own shutdown hook is off so that the caller can stop its server first.
   *
   * @param defaultServiceName {@code service.name} unless {@code OTEL_SERVICE_NAME} says otherwise;
   *     also the prefix of this process's log lines, so the two processes' lines can be told apart
   */
  public static OpenTelemetrySdk start(String defaultServiceName) {
    useOneLineLogFormat(defaultServiceName);
    List<String> settings = new ArrayList<>();
    List<String> exporters = new ArrayList<>();
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> defaults(defaultServiceName))
        // The customizers below only collect what to print.
        .addResourceCustomizer((resource, config) -> {
          settings.add("service.name=" + resource.getAttribute(SERVICE_NAME));
          return resource;
        })
        .addSpanExporterCustomizer((exporter, config) -> {
          exporters.add(exporter.getClass().getSimpleName());
          return exporter;
        })
        .setResultAsGlobal()
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    settings.add("exporters=" + exporters);
    settings.add("sampler=" + sdk.getSdkTracerProvider().getSampler().getDescription());
    System.out.println(defaultServiceName + ": " + String.join(", ", settings));
    return sdk;
  }

  /**
   * The console exporter logs through java.util.logging, whose default format takes two lines
   * per record. Unless the user chose a format, print one, prefixed with the process:
   * "[inventory] INFO: 'span name' : trace-id span-id ...". The demo's own log lines (Logback,
   * configured by logback.xml) take the same prefix from the system property
   * {@value #PROCESS_PROPERTY}, set here before anything logs.
   */
  private static void useOneLineLogFormat(String process) {
    String key = "java.util.logging.SimpleFormatter.format";
    if (System.getProperty(key) == null) {
      System.setProperty(key, "[" + process + "] %4$s: %5$s%6$s%n");
    }
    if (System.getProperty(PROCESS_PROPERTY) == null) {
      System.setProperty(PROCESS_PROPERTY, process);
    }
  }
}
