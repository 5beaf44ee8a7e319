package dev.traced.runtime;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where traced spans go: the {@link Tracer} every generated aspect asks for on each call.
 *
 * <p>In order of precedence, traced uses:
 *
 * <ol>
 *   <li>an {@link OpenTelemetry} given to {@link #set(OpenTelemetry)}, by the application or by
 *       an integration such as traced's Spring Boot auto-configuration;
 *   <li>the OpenTelemetry java agent's, when the agent bridges this application's OpenTelemetry
 *       API: from the first call;
 *   <li>the global OpenTelemetry ({@link GlobalOpenTelemetry}), from the first call after it is
 *       registered, however late that is.
 * </ol>
 *
 * <p>traced never registers a global itself and never calls {@link GlobalOpenTelemetry#get()}
 * before one is registered: that call would fix the global to a no-op for good, and the
 * application's own registration would then fail. The public API offers no way to see a
 * registration without doing so: {@code GlobalOpenTelemetry.isSet()} exists only from
 * opentelemetry-api 1.57 on and takes the global's lock, which threads calling traced methods
 * would contend on. So traced reads the global's own volatile field through a {@link VarHandle},
 * looked up once, when this class is loaded; each call then costs a volatile read, with no lock
 * and no allocation, whether or not an SDK is registered. Every version of opentelemetry-api
 * traced supports has that field. Should a future one not, traced falls back to
 * {@code isSet()} on about one call in {@value #FALLBACK_LOOK_INTERVAL} and says so once in the
 * log: then a global registered after the first traced call is picked up a few dozen calls
 * late.
 *
 * <p>Nothing here throws: a failure while binding a tracer is logged like any other tracing
 * failure ({@link TracedSpans#tracingFailed}), and the traced method runs without a span.
 */
public final class TracedOpenTelemetry {

  /** The instrumentation scope name of every traced span. */
  public static final String INSTRUMENTATION_SCOPE_NAME = "dev.traced";

  /** The version of traced, reported as the instrumentation scope version. */
  public static final String INSTRUMENTATION_SCOPE_VERSION = readVersion();

  /** Without the global's field: on average, how many calls pass between two looks. */
  static final int FALLBACK_LOOK_INTERVAL = 64;

  private static final Logger logger = Logger.getLogger(TracedOpenTelemetry.class.getName());

  /**
   * GlobalOpenTelemetry's registered instance (its {@code globalOpenTelemetry} field), or null
   * when it cannot be read. Static final, so the JIT compiles a read into a plain volatile load.
   */
  private static final VarHandle GLOBAL = globalField();

  /** Whether this API has {@code GlobalOpenTelemetry.isSet()}: looked up once, for the fallback. */
  private static final boolean HAS_IS_SET = GLOBAL == null && hasIsSet();

  /**
   * The tracer in use and what it came from: the global's registered instance, or the instance
   * given to {@link #set} or found through the agent ({@code pinned}). Replaced as a whole, so a
   * reader always sees a matching pair. With nothing registered, both are null.
   */
  private record Binding(Tracer tracer, Object source, boolean pinned) {}

  private static final Binding UNBOUND = new Binding(null, null, false);

  private static volatile Binding binding = initialBinding();

  private TracedOpenTelemetry() {}

  /**
   * The tracer for the current call, or null when no OpenTelemetry is in use: then there is
   * nothing to record, and the generated code runs the method without building a no-op span.
   * Called by generated code on every traced call; never throws, never locks, never registers a
   * global.
   */
  public static Tracer tracer() {
    Binding current = binding;
    if (current.pinned) {
      return current.tracer;
    }
    Object registered = GLOBAL != null ? GLOBAL.getVolatile() : fallbackLook(current);
    // The same instance as last time, or still none: the common case, two volatile reads.
    return registered == current.source ? current.tracer : bind(registered);
  }

  /**
   * Uses {@code openTelemetry} for every traced span from the next call on, whatever the global
   * is. For applications that inject their {@link OpenTelemetry} rather than register it.
   */
  public static void set(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    binding = new Binding(tracerOf(openTelemetry), openTelemetry, true);
  }

  /**
   * Stops using {@code openTelemetry}, if it is the instance last given to {@link #set}: traced
   * goes back to the agent's or the global one. For an integration whose instance is shutting
   * down; does nothing if another instance has been set since.
   */
  public static void clear(OpenTelemetry openTelemetry) {
    Binding current = binding;
    if (current.pinned && current.source == openTelemetry) {
      binding = initialBinding();
    }
  }

  /** Forgets an instance given to {@link #set} and any global found so far. For tests. */
  public static void resetForTest() {
    binding = initialBinding();
  }

  /** A registered global that differs from the bound one: bind it, or unbind if it was reset. */
  private static Tracer bind(Object registered) {
    if (registered == null) {
      binding = UNBOUND;
      return null;
    }
    try {
      Tracer tracer = tracerOf((OpenTelemetry) registered);
      binding = new Binding(tracer, registered, false);
      return tracer;
    } catch (Throwable tracingFailure) {
      TracedSpans.tracingFailed(tracingFailure);
      return null;
    }
  }

  /**
   * Without the global's field: while nothing is bound, looks through {@code isSet()} on about
   * one call in {@value #FALLBACK_LOOK_INTERVAL}, at random per thread, so threads seldom meet on
   * the global's lock. Once a global is registered, {@code get()} only reads.
   */
  private static Object fallbackLook(Binding current) {
    try {
      if (current.source != null) {
        return GlobalOpenTelemetry.get();
      }
      if (!HAS_IS_SET
          || ThreadLocalRandom.current().nextInt(FALLBACK_LOOK_INTERVAL) != 0
          || !GlobalOpenTelemetry.isSet()) {
        return null;
      }
      return GlobalOpenTelemetry.get();
    } catch (Throwable tracingFailure) {
      TracedSpans.tracingFailed(tracingFailure);
      return null;
    }
  }

  /**
   * Pinned to the agent's OpenTelemetry when the OpenTelemetry java agent bridges this
   * application's API, else unbound. Pinned, because under the agent the global's field does not
   * say which OpenTelemetry is in use: the agent answers {@code GlobalOpenTelemetry.get()} itself
   * and leaves the field empty, and an application's own {@code set()} (or
   * {@code buildAndRegisterGlobal()}) still writes its SDK into the field while the agent only
   * logs a warning and goes on answering {@code get()} with its own (agent 2.31.1).
   */
  private static Binding initialBinding() {
    try {
      if (agentBridgesApi()) {
        OpenTelemetry agent = GlobalOpenTelemetry.get();
        return new Binding(tracerOf(agent), agent, true);
      }
    } catch (Throwable tracingFailure) {
      TracedSpans.tracingFailed(tracingFailure);
    }
    return UNBOUND;
  }

  /**
   * Whether the OpenTelemetry java agent is running and bridges this application's API: its
   * bootstrap classes are on the boot class path, and the root {@link Context} is the agent's
   * (the agent installs its bridge and its context storage together). The first test keeps the
   * second, which initializes the context storage, away from applications without the agent;
   * the second tells an enabled agent from one loaded with {@code otel.javaagent.enabled=false}.
   */
  private static boolean agentBridgesApi() {
    try {
      Class.forName("io.opentelemetry.javaagent.bootstrap.AgentInitializer", false, null);
    } catch (ClassNotFoundException | LinkageError notThere) {
      return false;
    }
    return Context.root().getClass().getName().startsWith("io.opentelemetry.javaagent.");
  }

  /**
   * A handle on {@code GlobalOpenTelemetry.globalOpenTelemetry}, the volatile field every
   * registration writes, or null if this API has no such field or denies access to it.
   */
  private static VarHandle globalField() {
    try {
      Field field = GlobalOpenTelemetry.class.getDeclaredField("globalOpenTelemetry");
      int modifiers = field.getModifiers();
      if (!Modifier.isStatic(modifiers)
          || !Modifier.isVolatile(modifiers)
          || !OpenTelemetry.class.isAssignableFrom(field.getType())) {
        throw new NoSuchFieldException("globalOpenTelemetry: not a static volatile OpenTelemetry");
      }
      return MethodHandles.privateLookupIn(GlobalOpenTelemetry.class, MethodHandles.lookup())
          .unreflectVarHandle(field);
    } catch (Throwable unavailable) {
      logger.log(
          Level.WARNING,
          "traced cannot see GlobalOpenTelemetry's registration without taking its lock ("
              + unavailable
              + "): a global OpenTelemetry registered after the first traced call will be used"
              + " only a few dozen calls later. Register it before the first traced call, or"
              + " call dev.traced.runtime.TracedOpenTelemetry.set(openTelemetry).");
      return null;
    }
  }

  private static boolean hasIsSet() {
    try {
      GlobalOpenTelemetry.isSet();
      return true;
    } catch (LinkageError olderApi) {
      return false;
    }
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
