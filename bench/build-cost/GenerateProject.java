import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a Maven project with many {@code @Traced} methods, to measure what traced adds to a
 * build. Run with the JDK 17+ source launcher:
 *
 * <pre>
 * java GenerateProject.java DIR [--classes 100] [--methods 10] [--traced-version 0.1.0-SNAPSHOT]
 *     [--traced-percent 100] [--setup manual|plugin|none]
 * </pre>
 *
 * <p>{@code --traced-percent} gives that share of the classes {@code @Traced} methods; the others
 * have the same methods without the annotation (5: every twentieth class). {@code --setup} picks
 * the build: {@code manual}, the README's configuration written out (maven-compiler-plugin's
 * processor path and aspectj-maven-plugin); {@code plugin}, traced-maven-plugin as a build
 * extension; {@code none}, no traced at all and no {@code @Traced} in the sources, the plain
 * javac build to compare with.
 *
 * <p>DIR gets a {@code pom.xml} that is the user configuration of the project's README (the
 * processor in {@code annotationProcessorPaths}, {@code aspectj-maven-plugin} weaving {@code
 * target/classes} in place in {@code process-classes}), plus a profile {@code semconv-off} that
 * passes {@code -Atraced.semconv=off} to javac. The sources are a shop: records and enums in
 * {@code com.example.shop.model}, and CLASSES service classes in ten packages, each with METHODS
 * {@code @Traced} methods taking String, int, long, enum and record parameters, with one to four
 * attributes each, mixing literals, parameters, property paths ({@code order.customer.tier}) and
 * the return value, in the application's namespaces and, for some, semantic-convention keys
 * ({@code http.request.method}, {@code server.port}, {@code db.system.name}, ...). The output
 * depends only on the arguments.
 */
public class GenerateProject {

  private static final String[] AREAS = {
    "orders", "payments", "inventory", "shipping", "customers", "catalog", "pricing", "search",
    "notifications", "reporting"
  };

  private static final String[] ROLES = {
    "Service", "Repository", "Client", "Handler", "Processor", "Validator", "Gateway",
    "Scheduler", "Listener", "Controller"
  };

  private static final String[] KINDS = {"SERVER", "CLIENT", "PRODUCER", "CONSUMER"};

  /** One kind of traced method: its signature, body and possible attributes. */
  private record Template(
      String verb,
      String returnType,
      String parameters,
      String body,
      String[] attributes,
      int semconvAttributes,
      String kind) {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println(
          "usage: java GenerateProject.java DIR [--classes N] [--methods N] [--traced-version V]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int classes = 100;
    int methods = 10;
    String tracedVersion = "0.1.0-SNAPSHOT";
    int tracedPercent = 100;
    String setup = "manual";
    for (int i = 1; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--classes" -> classes = Integer.parseInt(args[i + 1]);
        case "--methods" -> methods = Integer.parseInt(args[i + 1]);
        case "--traced-version" -> tracedVersion = args[i + 1];
        case "--traced-percent" -> tracedPercent = Integer.parseInt(args[i + 1]);
        case "--setup" -> setup = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (setup.equals("none")) {
      tracedPercent = 0;
    }
    Path src = dir.resolve("src/main/java/com/example/shop");
    Files.createDirectories(src.resolve("model"));
    Files.writeString(dir.resolve("pom.xml"), switch (setup) {
      case "manual" -> pom(tracedVersion);
      case "plugin" -> pluginPom(tracedVersion);
      case "none" -> plainPom();
      default -> throw new IllegalArgumentException("unknown setup " + setup);
    });
    writeModel(src.resolve("model"));

    Random random = new Random(20_250_611L);
    int tracedMethods = 0;
    int tracedClasses = 0;
    int attributes = 0;
    int semconv = 0;
    for (int c = 0; c < classes; c++) {
      boolean traced = Math.floorMod(c * tracedPercent, 100) < tracedPercent;
      String area = AREAS[c % AREAS.length];
      String className =
          capitalize(area) + ROLES[(c / AREAS.length) % ROLES.length]
              + (c >= AREAS.length * ROLES.length ? String.valueOf(c) : "");
      StringBuilder body = new StringBuilder();
      for (int m = 0; m < methods; m++) {
        Template template = templates(area).get((c + m * 7) % templates(area).size());
        int[] counts = method(body, template, area, m, random);
        if (traced) {
          tracedMethods++;
          attributes += counts[0];
          semconv += counts[1];
        }
      }
      String source = service(area, className, body);
      if (traced) {
        tracedClasses++;
      } else {
        // the same class without its annotations: what the plain build compiles
        source = source.replace("import dev.traced.Traced;\n", "")
            .replaceAll("(?s)\n  @Traced\\((?:[^()]|\\([^()]*\\))*\\)", "");
      }
      Path packageDir = src.resolve(area);
      Files.createDirectories(packageDir);
      Files.writeString(packageDir.resolve(className + ".java"), source);
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %d classes, %d of them with %d @Traced methods, %d attributes"
            + " (%d with semantic-convention keys), %s setup%n",
        dir, classes, tracedClasses, tracedMethods, attributes, semconv, setup);
  }

  /** The kinds of method a class of {@code area} has; attribute keys use the area's namespace. */
  private static List<Template> templates(String area) {
    String ns = "shop." + area;
    return List.of(
        new Template(
            "findById", "String", "String id, boolean useCache",
            "String found = cache.get(id);\n    return found != null && useCache ? found : id.trim();",
            new String[] {ns + ".id = id", ns + ".cached = useCache", ns + ".source = 'primary'"},
            0, null),
        new Template(
            "place", "long", "Order order, int attempt",
            "if (attempt > 3) {\n      throw new ServiceException(\"too many attempts: \" + attempt);\n"
                + "    }\n    long total = 0;\n    for (LineItem item : order.items()) {\n"
                + "      total += item.priceCents() * item.quantity();\n    }\n"
                + "    counter += total;\n    return total;",
            new String[] {
              "shop.order.id = order.id", "shop.order.total_cents = order.totalCents",
              "shop.order.attempt = attempt", "shop.channel = order.channel"
            },
            0, "SERVER"),
        new Template(
            "qualify", "boolean", "Customer customer, Tier minimum",
            "return customer.tier().compareTo(minimum) >= 0\n"
                + "        && !customer.address().country().isEmpty();",
            new String[] {
              "shop.customer.id = customer.id", "shop.customer.tier = customer.tier",
              "shop.customer.country = customer.address.country", ns + ".minimum_tier = minimum"
            },
            0, null),
        new Template(
            "call", "int", "String method, String path, int port",
            "counter += port;\n    return method.equals(\"GET\") ? 200 : path.length() > 40 ? 414 : 201;",
            new String[] {
              "http.request.method = method", "url.path = path", "server.port = port",
              "server.address = 'api.example.com'"
            },
            4, "CLIENT"),
        new Template(
            "query", "List<String>", "String table, long limit",
            "List<String> rows = new ArrayList<>();\n"
                + "    for (long i = 0; i < Math.min(limit, 3); i++) {\n"
                + "      rows.add(table + i);\n    }\n    return rows;",
            new String[] {
              "db.system.name = 'postgresql'", "db.collection.name = table",
              "db.operation.name = 'SELECT'", ns + ".query.limit = limit"
            },
            3, "CLIENT"),
        new Template(
            "publish", "void", "String topic, int partition, String payload",
            "counter += partition + payload.length();\n    cache.put(topic, payload);",
            new String[] {
              "messaging.system = 'kafka'", "messaging.destination.name = topic",
              ns + ".partition = partition"
            },
            2, "PRODUCER"),
        new Template(
            "charge", "Payment", "Payment payment, String reference",
            "if (payment.amountCents() < 0) {\n"
                + "      throw new ServiceException(\"negative amount for \" + reference);\n    }\n"
                + "    return new Payment(reference, payment.amountCents(), payment.currency(), true);",
            new String[] {
              "payment.id = payment.id", "payment.amount_cents = payment.amountCents",
              "payment.currency = payment.currency", "payment.captured = return.captured"
            },
            0, null),
        new Template(
            "ship", "String", "Shipment shipment, Tier tier",
            "return shipment.carrier() + \":\" + shipment.parcels() + \":\" + tier.name();",
            new String[] {
              "shipping.carrier = shipment.carrier", "shipping.parcels = shipment.parcels",
              "shop.customer.tier = tier", "shipping.city = shipment.destination.city"
            },
            0, null),
        new Template(
            "report", "int", "long from, long to, Channel channel",
            "return (int) Math.max(0, (to - from) / 1000) + channel.ordinal();",
            new String[] {
              ns + ".report.from = from", ns + ".report.to = to", "shop.channel = channel",
              ns + ".report.rows = return"
            },
            0, null),
        new Template(
            "reserve", "boolean", "String sku, int quantity",
            "Long stock = stockBySku.getOrDefault(sku, 10L);\n"
                + "    stockBySku.put(sku, stock - quantity);\n    return stock >= quantity;",
            new String[] {"inventory.sku = sku", "inventory.quantity = quantity"},
            0, null),
        new Template(
            "refresh", "void", "",
            "cache.clear();\n    counter++;",
            new String[] {ns + ".job = 'refresh'", ns + ".full = true"},
            0, "CONSUMER"),
        new Template(
            "serve", "String", "String host, int port, Channel channel",
            "return host + \":\" + port + \"/\" + channel.name().toLowerCase();",
            new String[] {
              "server.address = host", "server.port = port", "network.protocol.name = 'http'",
              "shop.channel = channel"
            },
            3, "SERVER"));
  }

  /** Appends one traced method; returns its attribute count and semantic-convention count. */
  private static int[] method(
      StringBuilder out, Template template, String area, int index, Random random) {
    int count = 1 + random.nextInt(Math.min(4, template.attributes().length));
    List<String> attributes = new ArrayList<>();
    int semconv = 0;
    for (int i = 0; i < count; i++) {
      String attribute = template.attributes()[i];
      attributes.add('"' + attribute + '"');
      if (!attribute.startsWith("shop.")
          && !attribute.startsWith("payment.")
          && !attribute.startsWith("shipping.")
          && !attribute.startsWith("inventory.")) {
        semconv++;
      }
    }
    List<String> members = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      members.add("name = \"" + area + "." + template.verb() + "." + index + "\"");
    }
    if (template.kind() != null) {
      members.add("kind = Traced.Kind." + template.kind());
    } else if (random.nextInt(8) == 0) {
      members.add("kind = Traced.Kind." + KINDS[random.nextInt(KINDS.length)]);
    }
    members.add(
        attributes.size() == 1
            ? "attrs = " + attributes.get(0)
            : "attrs = {\n          " + String.join(",\n          ", attributes) + "}");
    boolean throwsChecked = template.body().contains("ServiceException");
    out.append("\n  @Traced(")
        .append(String.join(",\n      ", members))
        .append(")\n  public ")
        .append(template.returnType())
        .append(' ')
        .append(template.verb())
        .append(index)
        .append('(')
        .append(template.parameters())
        .append(')')
        .append(throwsChecked ? " throws ServiceException" : "")
        .append(" {\n    ")
        .append(template.body())
        .append("\n  }\n");
    return new int[] {count, semconv};
  }

  private static String service(String area, String className, StringBuilder methods) {
    return "package com.example.shop." + area + ";\n\n"
        + "import com.example.shop.model.*;\n"
        + "import dev.traced.Traced;\n"
        + "import java.util.ArrayList;\n"
        + "import java.util.HashMap;\n"
        + "import java.util.List;\n"
        + "import java.util.Map;\n\n"
        + "/** Generated for the build-cost benchmark. */\n"
        + "public class " + className + " {\n\n"
        + "  private final Map<String, String> cache = new HashMap<>();\n"
        + "  private final Map<String, Long> stockBySku = new HashMap<>();\n"
        + "  private long counter;\n\n"
        + "  public long counter() {\n    return counter;\n  }\n"
        + methods
        + "}\n";
  }

  private static void writeModel(Path model) throws IOException {
    String header = "package com.example.shop.model;\n\n";
    Files.writeString(model.resolve("Tier.java"), header + "public enum Tier { FREE, PLUS, PRO }\n");
    Files.writeString(
        model.resolve("Currency.java"), header + "public enum Currency { EUR, USD, GBP }\n");
    Files.writeString(
        model.resolve("Channel.java"), header + "public enum Channel { WEB, MOBILE, STORE }\n");
    Files.writeString(
        model.resolve("Address.java"),
        header + "public record Address(String city, String country, int zip) {}\n");
    Files.writeString(
        model.resolve("Customer.java"),
        header + "public record Customer(String id, String name, Tier tier, Address address) {}\n");
    Files.writeString(
        model.resolve("LineItem.java"),
        header + "public record LineItem(String sku, int quantity, long priceCents) {}\n");
    Files.writeString(
        model.resolve("Order.java"),
        header
            + "import java.util.List;\n\n"
            + "public record Order(\n"
            + "    String id, Customer customer, List<LineItem> items, long totalCents,\n"
            + "    Currency currency, Channel channel) {}\n");
    Files.writeString(
        model.resolve("Payment.java"),
        header
            + "public record Payment(String id, long amountCents, Currency currency,"
            + " boolean captured) {}\n");
    Files.writeString(
        model.resolve("Shipment.java"),
        header
            + "public record Shipment(String id, String carrier, Address destination,"
            + " int parcels) {}\n");
    Files.writeString(
        model.resolve("ServiceException.java"),
        header
            + "public class ServiceException extends Exception {\n"
            + "  public ServiceException(String message) {\n    super(message);\n  }\n}\n");
  }

  private static String capitalize(String area) {
    String singular = area.endsWith("s") ? area.substring(0, area.length() - 1) : area;
    return Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
  }

  /** The README's user configuration, plus the semconv-off profile the benchmark needs. */
  private static String pom(String tracedVersion) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by bench/build-cost/GenerateProject.java: the user configuration of the
             README, with a profile that turns the semantic-convention check off. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>build-cost-shop</artifactId>
          <version>1.0</version>

          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <traced.version>%s</traced.version>
            <aspectj.version>1.9.25</aspectj.version>
          </properties>

          <dependencies>
            <dependency>
              <groupId>dev.traced</groupId>
              <artifactId>traced-annotations</artifactId>
              <version>${traced.version}</version>
            </dependency>
            <dependency>
              <groupId>dev.traced</groupId>
              <artifactId>traced-aspects</artifactId>
              <version>${traced.version}</version>
            </dependency>
          </dependencies>

          <build>
            <plugins>
              <!-- not part of the README's configuration: pinned so that an offline build finds it -->
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.3.1</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.14.0</version>
                <configuration>
                  <release>17</release>
                  <annotationProcessorPaths>
                    <path>
                      <groupId>dev.traced</groupId>
                      <artifactId>traced-processor</artifactId>
                      <version>${traced.version}</version>
                    </path>
                  </annotationProcessorPaths>
                </configuration>
              </plugin>
              <plugin>
                <groupId>dev.aspectj</groupId>
                <artifactId>aspectj-maven-plugin</artifactId>
                <version>1.14.1</version>
                <dependencies>
                  <dependency>
                    <groupId>org.aspectj</groupId>
                    <artifactId>aspectjtools</artifactId>
                    <version>${aspectj.version}</version>
                  </dependency>
                </dependencies>
                <configuration>
                  <release>17</release>
                  <sources>
                    <source>
                      <basedir>${project.build.directory}/generated-sources/annotations</basedir>
                      <includes>
                        <include>**/*.aj</include>
                      </includes>
                    </source>
                  </sources>
                  <weaveDirectories>
                    <weaveDirectory>${project.build.outputDirectory}</weaveDirectory>
                  </weaveDirectories>
                  <additionalCompilerArgs>
                    <arg>-Xlint:adviceDidNotMatch=error</arg>
                  </additionalCompilerArgs>
                </configuration>
                <executions>
                  <execution>
                    <phase>process-classes</phase>
                    <goals>
                      <goal>compile</goal>
                    </goals>
                  </execution>
                </executions>
              </plugin>
            </plugins>
          </build>

          <profiles>
            <!-- mvn -P semconv-off: the processor without its semantic-convention check -->
            <profile>
              <id>semconv-off</id>
              <build>
                <plugins>
                  <plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <configuration>
                      <compilerArgs>
                        <arg>-Atraced.semconv=off</arg>
                      </compilerArgs>
                    </configuration>
                  </plugin>
                </plugins>
              </build>
            </profile>
          </profiles>
        </project>
        """
        .formatted(tracedVersion);
  }

  /** The README's setup with traced-maven-plugin as a build extension. */
  private static String pluginPom(String tracedVersion) {
    return smallPom("traced-maven-plugin's setup", """
            <dependency>
              <groupId>dev.traced</groupId>
              <artifactId>traced-aspects</artifactId>
              <version>%1$s</version>
            </dependency>
        """.formatted(tracedVersion), """
              <plugin>
                <groupId>dev.traced</groupId>
                <artifactId>traced-maven-plugin</artifactId>
                <version>%1$s</version>
                <extensions>true</extensions>
              </plugin>
        """.formatted(tracedVersion));
  }

  /** The same project without traced: plain javac. */
  private static String plainPom() {
    return smallPom("no traced, plain javac", "", "");
  }

  /** The project's pom with nothing but these dependencies and plugins, and the pinned ones. */
  private static String smallPom(String what, String dependencies, String plugins) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by bench/build-cost/GenerateProject.java: %1$s. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>build-cost-shop</artifactId>
          <version>1.0</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <dependencies>
        %2$s  </dependencies>
          <build>
            <plugins>
              %3$s
        %4$s    </plugins>
          </build>
        </project>
        """.formatted(what, dependencies, PINNED_PLUGINS, plugins);
  }

  /** Not part of a user's setup: pinned so that an offline build finds them. */
  private static final String PINNED_PLUGINS = """
      <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-resources-plugin</artifactId>
              <version>3.3.1</version>
            </plugin>
            <plugin>
              <groupId>org.apache.maven.plugins</groupId>
              <artifactId>maven-compiler-plugin</artifactId>
              <version>3.14.0</version>
            </plugin>""";
}
