package dev.traced.agentit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.net.URI;

/**
 * An SDK the application sets up itself and registers as the global. In a class of its own, so
 * that runs without the SDK on their class path never load it.
 */
final class OwnSdk {

  /** The service name on every span this SDK exports, to tell them from the agent's. */
  static final String SERVICE_NAME = "traced-agent-it-own-sdk";

  private OwnSdk() {}

  /** Builds the SDK and registers it as the global; close it to export what it holds. */
  static AutoCloseable registerGlobal(URI tracesEndpoint) {
    Resource resource = Resource.getDefault().merge(
        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), SERVICE_NAME)));
    OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder().setEndpoint(tracesEndpoint.toString()).build();
    OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .setResource(resource)
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build())
        .buildAndRegisterGlobal();
    System.out.println("registered an SDK of its own as the global");
    return sdk;
  }
}
