package dev.traced.runtime;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;

/**
 * Where traced spans go: the {@link Tracer} every generated aspect asks for on each call.
 *
 * <p>By default traced uses the global OpenTelemetry ({@link GlobalOpenTelemetry}) once one is
 * registered, by {@code OpenTelemetrySdk.builder().buildAndRegisterGlobal()}, SDK autoconfigure,
 * the OpenTelemetry java agent or {@code OpenTelemetryExtension}, and it never registers one
 * itself: calling {@code GlobalOpenTelemetry.get()} too early would fix the global to a no-op for
 * good and make the application's own registration fail later. Until a global is registered,
 * spans are no-ops and traced looks for one again every {@value #GLOBAL_CHECK_INTERVAL} calls,
 * because the only side-effect-free check ({@link GlobalOpenTelemetry#isSet()}) takes a lock
 * that would be contended on every call. Once found, the tracer is cached: each call costs one
 * volatile read and an identity check that notices a global replaced in tests.
 *
 * <p>An application that passes its {@link OpenTelemetry} around instead of registering it
 * globally, or a test that wants its SDK in use from the very next call, calls {@link
 * #set(OpenTelemetry)}; that instance then wins over the global until {@link #resetForTest()}.
 */
public final class TracedOpenTelemetry {

  /** The instrumentation scope name of every traced span. */
  public static final String INSTRUMENTATION_SCOPE_NAME = "dev.traced";

  /** The version of traced, reported as the instrumentation scope version. */
  public static final String INSTRUMENTATION_SCOPE_VERSION = readVersion();

  /** How many calls pass between two looks for a global registered after startup. */
  static final int GLOBAL_CHECK_INTERVAL = 64;

  private static final Tracer NOOP_TRACER = TracerProvider.noop().get(INSTRUMENTATION_SCOPE_NAME);

  /** The tracer in use and what it came from; replaced as a whole so a reader sees a matching pair. */
  private record Binding(Tracer tracer, OpenTelemetry source, boolean explicit) {}

  private static final Binding UNBOUND = new Binding(NOOP_TRACER, null, false);

  private static volatile Binding binding = UNBOUND;

  // Racy on purpose: it only paces the look for a global, so a lost update costs nothing.
  private static int callsSinceGlobalCheck;

  private TracedOpenTelemetry() {}

  /**
   * The tracer for the current call. Called by generated code on every traced call; never throws
   * and never registers a global.
   */
  public static Tracer tracer() {
    Binding current = binding;
    if (current.explicit) {
      return current.tracer;
    }
    if (current.source != null) {
      // Safe to call once a global is set: it only reads. Tests may reset and replace the global.
      return GlobalOpenTelemetry.get() == current.source ? current.tracer : bindGlobal();
    }
    if ((callsSinceGlobalCheck++ & (GLOBAL_CHECK_INTERVAL - 1)) != 0) {
      return NOOP_TRACER;
    }
    return GlobalOpenTelemetry.isSet() ? bindGlobal() : NOOP_TRACER;
  }

  /**
   * Uses {@code openTelemetry} for every traced span from the next call on, whatever the global
   * is. For applications that inject their {@link OpenTelemetry} rather than register it.
   */
  public static void set(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    binding = new Binding(tracerOf(openTelemetry), openTelemetry, true);
  }

  /** Forgets an instance given to {@link #set} and any global found so far. For tests. */
  public static void resetForTest() {
    binding = UNBOUND;
    callsSinceGlobalCheck = 0;
  }

  private static Tracer bindGlobal() {
    OpenTelemetry global = GlobalOpenTelemetry.get();
    Tracer tracer = tracerOf(global);
    binding = new Binding(tracer, global, false);
    return tracer;
  }

  private static Tracer tracerOf(OpenTelemetry openTelemetry) {
    return openTelemetry
        .tracerBuilder(INSTRUMENTATION_SCOPE_NAME)
        .setInstrumentationVersion(INSTRUMENTATION_SCOPE_VERSION)
        .build();
  }

  private static String readVersion() {
    try (InputStream in = TracedOpenTelemetry.class.getResourceAsStream("traced.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
