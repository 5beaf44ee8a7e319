package dev.traced.demo;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little HTTP both services speak: requests and answers are HTML form encoded
 * ({@code sku=book-42&quantity=2}), as {@code curl -d} sends them, and errors are plain text.
 */
public final class Forms {

  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  /** Requests are small; anything larger is refused rather than read. */
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private Forms() {}

  /** {@code encode("sku", "book-42", "quantity", "2")} is {@code "sku=book-42&quantity=2"}. */
  public static String encode(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  public static Map<String, String> decode(String form) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : form.split("&")) {
      if (field.isEmpty()) {
        continue;
      }
      int equals = field.indexOf('=');
      String name = equals < 0 ? field : field.substring(0, equals);
      String value = equals < 0 ? "" : field.substring(equals + 1);
      fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  /** The request body as a form; {@link BadRequest} if it is too large. */
  public static Map<String, String> read(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new BadRequest("request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      return decode(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  public static String required(Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null || value.isEmpty()) {
      throw new BadRequest("missing field: " + name);
    }
    return value;
  }

  public static int positiveInt(Map<String, String> form, String name) {
    String value = required(form, name);
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadRequest(name + " must be a positive whole number, not '" + value + "'");
  }

  /** Sends the whole answer, as a form or as plain text, and ends the exchange. */
  public static void reply(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  public static void replyText(HttpExchange exchange, int status, String text) throws IOException {
    reply(exchange, status, "text/plain", text + "\n");
  }

  /** What a form endpoint does with a request's fields; it may throw {@link BadRequest}. */
  public interface FormHandler {
    void handle(Map<String, String> form) throws IOException;
  }

  /**
   * Serves one exchange of an endpoint that only takes POSTed forms: any other method is
   * answered 405, a {@link BadRequest} 400, and the exchange is always closed.
   */
  public static void servePost(HttpExchange exchange, FormHandler handler) throws IOException {
    try {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        replyText(exchange, 405, "use POST");
        return;
      }
      handler.handle(read(exchange));
    } catch (BadRequest e) {
      replyText(exchange, 400, e.getMessage());
    } finally {
      exchange.close();
    }
  }

  /** A request the service cannot take: answered 400 with this message. */
  public static final class BadRequest extends RuntimeException {
    public BadRequest(String message) {
      super(message);
    }
  }
}
