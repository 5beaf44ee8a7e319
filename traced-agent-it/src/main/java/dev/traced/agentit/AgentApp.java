package dev.traced.agentit;

import com.sun.net.httpserver.HttpServer;
import dev.traced.Traced;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;

/**
 * A small traced application, as an OpenTelemetry java agent user writes one: it sets up no
 * OpenTelemetry of its own (unless told to, below), starts a JDK HTTP server on a free loopback
 * port, calls it with the JDK HTTP client from a traced method, and calls a traced method that
 * fails. {@code AgentIT} runs it in a JVM of its own, under the agent, and reads its spans.
 *
 * <p>Arguments: none, or {@code own-sdk <OTLP traces endpoint>}: then, right after its first
 * traced call, the application also builds an SDK that exports there and registers it as the
 * global ({@code buildAndRegisterGlobal}), as an application that sets up its own SDK does.
 */
public final class AgentApp {

  private AgentApp() {}

  public static void main(String[] args) throws Exception {
    boolean ownSdk = args.length == 2 && args[0].equals("own-sdk");
    // The first thing the program does: no span of the agent's or anyone's exists before it.
    start(ownSdk ? "own-sdk" : "agent-only");
    AutoCloseable sdk = ownSdk ? OwnSdk.registerGlobal(URI.create(args[1])) : null;

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(Inventory.PATH, new Inventory());
    server.start();
    try {
      Shop shop = new Shop(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
      URI inventory = URI.create(
          "http://127.0.0.1:" + server.getAddress().getPort() + Inventory.PATH);
      System.out.println("order answered " + shop.order(inventory, "book-42", 3, true));
      try {
        shop.cancel("order-7");
      } catch (IllegalStateException expected) {
        System.out.println("cancel failed as it should: " + expected.getMessage());
      }
    } finally {
      server.stop(0);
      if (sdk != null) {
        // Exports what the application's SDK still holds.
        sdk.close();
      }
    }
    // Which API the application really ran on: the tests run it on more than one.
    System.out.println("done on opentelemetry-api "
        + GlobalOpenTelemetry.class.getPackage().getImplementationVersion());
  }

  @Traced(name = "app.start", attrs = "agentit.scenario = scenario")
  static void start(String scenario) {
    System.out.println("started: " + scenario);
  }
}
