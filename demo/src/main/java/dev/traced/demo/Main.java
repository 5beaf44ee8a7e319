package dev.traced.demo;

import com.sun.net.httpserver.HttpServer;
import dev.traced.demo.inventory.InventoryServer;
import dev.traced.demo.shop.ShopFront;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's command line: {@code java -jar traced-demo.jar [command] [options]}.
 *
 * <p>Only {@code main} and {@link Telemetry} know the OpenTelemetry SDK; the services get an
 * {@code OpenTelemetry} for the HTTP instrumentation, and their traced code knows nothing of it.
 */
public final class Main {

  static final String USAGE = String.join("\n",
      "usage: java -jar traced-demo.jar [command] [options]",
      "",
      "  demo        (the default) start the inventory service as a child process and the shop",
      "              front in this one, place two orders through the shop front, stop both",
      "  inventory   [--port 8081]  run the inventory service until stopped",
      "  shop        [--port 8080] [--inventory http://127.0.0.1:8081]",
      "              run the shop front until stopped",
      "",
      "Services listen on 127.0.0.1; --port 0 takes any free port. Each process prints",
      "\"<name> listening on <url>\" once it takes requests. Spans go to the console unless the",
      "standard OTEL_* variables say otherwise (OTEL_TRACES_EXPORTER=otlp|zipkin|none, ...).");

  static final int INVENTORY_PORT = 8081;
  static final int SHOP_PORT = 8080;

  private Main() {}

  public static void main(String[] args) throws Exception {
    String command = args.length == 0 ? "demo" : args[0];
    Map<String, String> options;
    try {
      options = options(List.of(args).subList(Math.min(1, args.length), args.length));
    } catch (IllegalArgumentException e) {
      exitWithUsage(e.getMessage());
      return;
    }
    switch (command) {
      case "demo":
        requireOnly(options);
        System.exit(Demo.run());
        break;
      case "inventory":
        requireOnly(options, "--port");
        int inventoryPort = port(options, INVENTORY_PORT);
        serve("inventory", sdk -> InventoryServer.start(sdk, loopback(inventoryPort)));
        break;
      case "shop":
        requireOnly(options, "--port", "--inventory");
        int shopPort = port(options, SHOP_PORT);
        URI inventory = URI.create(
            options.getOrDefault("--inventory", "http://127.0.0.1:" + INVENTORY_PORT));
        serve("shop", sdk -> ShopFront.start(sdk, loopback(shopPort), inventory));
        break;
      case "help":
      case "--help":
      case "-h":
        System.out.println(USAGE);
        break;
      default:
        exitWithUsage("unknown command: " + command);
    }
  }

  /** Starts a service and leaves it running; SIGTERM or Ctrl-C stop it and flush its spans. */
  private static void serve(String name, ServerFactory factory) throws IOException {
    OpenTelemetrySdk sdk = Telemetry.start(name);
    HttpServer server;
    try {
      server = factory.start(sdk);
    } catch (IOException | RuntimeException e) {
      sdk.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // In this order: requests in progress end, and so do their spans, before the SDK exports
      // what is left and shuts down.
      server.stop(0);
      sdk.close();
    }, name + "-shutdown"));
    // The server's own thread keeps the JVM running after main returns.
    System.out.println(name + " listening on " + uri(server));
  }

  private interface ServerFactory {
    HttpServer start(OpenTelemetrySdk sdk) throws IOException;
  }

  static InetSocketAddress loopback(int port) {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** Where a started server listens, e.g. {@code http://127.0.0.1:8081}. */
  static URI uri(HttpServer server) {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (!name.startsWith("--") || i + 1 >= args.size()) {
        throw new IllegalArgumentException("expected --option value, got: " + name);
      }
      options.put(name, args.get(i + 1));
    }
    return options;
  }

  private static void requireOnly(Map<String, String> options, String... allowed) {
    for (String name : options.keySet()) {
      if (!List.of(allowed).contains(name)) {
        exitWithUsage("unknown option: " + name);
      }
    }
  }

  private static int port(Map<String, String> options, int defaultPort) {
    String value = options.get("--port");
    if (value == null) {
      return defaultPort;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    exitWithUsage("--port must be 0 to 65535, not " + value);
    return -1;
  }

  private static void exitWithUsage(String problem) {
    PrintStream err = System.err;
    err.println("traced-demo: " + problem);
    err.println(USAGE);
    System.exit(2);
  }
}
