package dev.traced.runtime;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where traced spans go: the {@link Tracer} every generated aspect asks for on each call.
 *
 * <p>By default traced uses the global OpenTelemetry ({@link GlobalOpenTelemetry}) once one is
 * registered, by {@code OpenTelemetrySdk.builder().buildAndRegisterGlobal()}, SDK autoconfigure,
 * the OpenTelemetry java agent or {@code OpenTelemetryExtension}, and it never registers one
 * itself: calling {@code GlobalOpenTelemetry.get()} too early would fix the global to a no-op for
 * good and make the application's own registration fail later.
 *
 * <p>The first traced call looks for a registered global. If there is none, traced methods run
 * without a span (a no-op span would record nothing either), and traced looks again on one call
 * in {@value #GLOBAL_CHECK_INTERVAL} on average, chosen at random per thread, one thread at a
 * time: the only side-effect-free check, {@link GlobalOpenTelemetry#isSet()}, takes a lock, and
 * threads meeting on it on every call would cost far more than a span. Once a global is found its
 * tracer is cached; each call then costs a volatile read and an identity check that notices a
 * global reset and replaced in tests.
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

  /** On average, how many calls pass between two looks for a global registered late. */
  static final int GLOBAL_CHECK_INTERVAL = 64;

  /** The tracer in use and what it came from; replaced as a whole so a reader sees a matching pair. */
  private record Binding(Tracer tracer, OpenTelemetry source, boolean explicit) {}

  /** Nothing looked up yet. */
  private static final Binding UNBOUND = new Binding(null, null, false);

  /** Looked, and no global was registered then. */
  private static final Binding NOT_FOUND = new Binding(null, null, false);

  private static final AtomicBoolean looking = new AtomicBoolean();

  private static volatile Binding binding = UNBOUND;

  private TracedOpenTelemetry() {}

  /**
   * The tracer for the current call, or null when no OpenTelemetry is in use: then there is
   * nothing to record, and the generated code runs the method without building a no-op span.
   * Called by generated code on every traced call; never throws and never registers a global.
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
    if (current == UNBOUND) {
      return firstLook();
    }
    // Pace the look per thread, at random: a shared counter would be written by every thread on
    // every call, and that cache line bouncing between cores costs more than the span itself.
    if (ThreadLocalRandom.current().nextInt(GLOBAL_CHECK_INTERVAL) != 0) {
      return null;
    }
    return lookAgain();
  }

  /** The first traced call looks for a global at once, so one registered at startup is used. */
  private static Tracer firstLook() {
    if (GlobalOpenTelemetry.isSet()) {
      return bindGlobal();
    }
    binding = NOT_FOUND;
    return null;
  }

  /**
   * One thread at a time looks: threads meeting on the global's lock would park, and a parked
   * thread costs microseconds. A thread that finds another one looking goes on without a span.
   */
  private static Tracer lookAgain() {
    if (!looking.compareAndSet(false, true)) {
      return null;
    }
    try {
      return GlobalOpenTelemetry.isSet() ? bindGlobal() : null;
    } finally {
      looking.set(false);
    }
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
