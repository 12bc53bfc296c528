package org.raresearch.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;

/**
 * Every request: checks what any request must respect (method, size, no body, a clean path), then
 * answers from the page's files or the API, and turns every failure into a JSON error with the
 * status it deserves. Nothing a client sends reaches a file path, and no answer carries a stack
 * trace or a class name: unexpected failures are logged, and the client is told only that there
 * was one.
 */
final class RequestHandler implements HttpHandler {
  /** The longest request target accepted (path and query, as sent), in characters. */
  static final int MAX_URI_CHARS = 65_536;

  /** Sent with every response: the page runs only its own scripts and styles, and is never framed. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy",
          "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private final ApiEndpoints api;
  private final Semaphore turns;
  private final Duration turnWait;
  private final PageResources page;
  private final String corsOrigin; // null: no cross-origin access
  private final PrintStream log;

  /**
   * @param turns how many API requests may use the index at once: searches are work for the
   *     processors, and more at once than there are processors only makes each slower (and its
   *     time budget, which counts from its start, run out)
   * @param turnWait how long a request waits for its turn before it is answered 503
   */
  RequestHandler(ApiEndpoints api, int turns, Duration turnWait, PageResources page, String corsOrigin, PrintStream log) {
    this.api = api;
    this.turns = new Semaphore(turns, true);
    this.turnWait = turnWait;
    this.page = page;
    this.corsOrigin = corsOrigin;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Reply reply;
    try {
      reply = answer(exchange);
    } catch (HttpProblem problem) {
      reply = Reply.problem(problem);
    } catch (RuntimeException e) {
      reply = Reply.problem(problemOf(e, exchange));
    }
    send(exchange, reply);
  }

  private Reply answer(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    if (hasBody(exchange.getRequestHeaders())) {
      return Reply.problem(new HttpProblem(413, "body_not_accepted", "requests to this server have no body"))
          .with("Connection", "close");
    }
    String rawPath = rawPath(exchange);
    String rawQuery = uri.getRawQuery();
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI_CHARS) {
      throw new HttpProblem(414, "uri_too_long", "the address is longer than " + MAX_URI_CHARS + " characters");
    }
    List<String> path = segments(rawPath);
    boolean isApi = !path.isEmpty() && path.getFirst().equals("api");
    if (method.equals("OPTIONS") && isApi && corsOrigin != null) {
      return new Reply(204, null, new byte[0], Map.of(
          "Access-Control-Allow-Methods", "GET, HEAD",
          "Access-Control-Max-Age", "600",
          "Allow", "GET, HEAD, OPTIONS"));
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Reply.problem(new HttpProblem(405, "method_not_allowed", "only GET and HEAD are answered here, not " + shorten(method)))
          .with("Allow", isApi && corsOrigin != null ? "GET, HEAD, OPTIONS" : "GET, HEAD");
    }
    if (isApi) {
      return answerInTurn(path.subList(1, path.size()), rawQuery);
    }
    return page.at(rawPath).orElseThrow(() -> HttpProblem.notFound("there is nothing at this address"));
  }

  private Reply answerInTurn(List<String> path, String rawQuery) {
    boolean turn;
    try {
      turn = turns.tryAcquire(turnWait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      return Reply.problem(new HttpProblem(503, "busy", "the server is busy; try again in a moment")).with("Retry-After", "2");
    }
    try {
      return api.answer(path, rawQuery);
    } finally {
      turns.release();
    }
  }

  /**
   * The decoded segments of a path. A path with an empty segment (other than a trailing slash),
   * a {@code .} or {@code ..} segment, or a slash or backslash escaped inside a segment names
   * nothing here.
   */
  static List<String> segments(String rawPath) {
    if (!rawPath.startsWith("/")) {
      throw HttpProblem.notFound("there is nothing at this address");
    }
    List<String> segments = new ArrayList<>();
    String[] parts = rawPath.substring(1).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String segment = QueryParameters.decode(parts[i], false);
      boolean last = i == parts.length - 1;
      if (segment.isEmpty() && last) {
        continue;
      }
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/") || segment.contains("\\")) {
        throw HttpProblem.notFound("there is nothing at this address");
      }
      segments.add(segment);
    }
    return segments;
  }

  private static boolean hasBody(Headers headers) {
    String length = headers.getFirst("Content-Length");
    return headers.containsKey("Transfer-Encoding") || (length != null && !length.strip().equals("0"));
  }

  /** The status and message a failure of the library (or of ours) is answered with. */
  private HttpProblem problemOf(RuntimeException e, HttpExchange exchange) {
    if (e instanceof InvalidQueryException) {
      return new HttpProblem(400, "invalid_query", e.getMessage());
    }
    if (e instanceof SearchTimeoutException) {
      return new HttpProblem(503, "search_timeout", e.getMessage());
    }
    if (e instanceof IndexAccessException access) {
      log.println("raresearch serve: " + exchange.getRequestMethod() + " " + shorten(rawPath(exchange))
          + ": the index is unavailable: " + e.getMessage());
      return new HttpProblem(503, "index_unavailable",
          "the index cannot be used right now (" + access.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + "); try again later");
    }
    if (e instanceof RareSearchException) {
      log.println("raresearch serve: " + exchange.getRequestMethod() + " " + shorten(rawPath(exchange))
          + ": " + e.getMessage());
      return new HttpProblem(503, "index_unavailable", "the index cannot be read right now; try again later");
    }
    log.println("raresearch serve: internal error on " + exchange.getRequestMethod() + " "
        + shorten(rawPath(exchange)) + ": " + e);
    return new HttpProblem(500, "internal_error", "the server failed to answer; its log says why");
  }

  private void send(HttpExchange exchange, Reply reply) throws IOException {
    try (exchange) {
      Headers headers = exchange.getResponseHeaders();
      SECURITY_HEADERS.forEach(headers::set);
      if (reply.contentType() != null) {
        headers.set("Content-Type", reply.contentType());
      }
      if (Reply.JSON.equals(reply.contentType())) {
        headers.set("Cache-Control", "no-store");
      }
      reply.headers().forEach(headers::set);
      if (corsOrigin != null && rawPath(exchange).startsWith("/api/")) {
        headers.set("Access-Control-Allow-Origin", corsOrigin);
        headers.set("Vary", "Origin");
      }
      byte[] body = reply.body();
      if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
        if (body.length > 0) {
          headers.set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(reply.status(), -1);
        return;
      }
      exchange.sendResponseHeaders(reply.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The path as sent ("" for a target that has none, such as {@code *}). */
  private static String rawPath(HttpExchange exchange) {
    String path = exchange.getRequestURI().getRawPath();
    return path == null ? "" : path;
  }

  private static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
