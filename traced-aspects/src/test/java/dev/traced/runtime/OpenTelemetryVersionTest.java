package dev.traced.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.resources.Resource;
import org.junit.jupiter.api.Test;

/**
 * The build runs these tests once per opentelemetry-api of its matrix (root pom): each run must
 * really be on the API and SDK it claims, or the others prove nothing.
 */
class OpenTelemetryVersionTest {

  @Test
  void runsOnTheOpenTelemetryReleaseTheBuildAskedFor() {
    String expected = System.getProperty("traced.expectedOpenTelemetry");
    assertThat(expected).isNotBlank();
    assertThat(GlobalOpenTelemetry.class.getPackage().getImplementationVersion())
        .as("opentelemetry-api on the test class path").isEqualTo(expected);
    assertThat(Resource.getDefault().getAttribute(AttributeKey.stringKey("telemetry.sdk.version")))
        .as("opentelemetry-sdk on the test class path").isEqualTo(expected);
  }
}
