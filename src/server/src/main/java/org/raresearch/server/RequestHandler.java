package org.raresearch.server;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;

/**
 * Every request: checks what any request must respect (method, size, no body, a clean path), then
 * answers from the page's files or the API, and turns every failure into a JSON error with the
 * status it deserves. Nothing a client sends reaches a file path, and no answer carries a stack
 * trace or a class name: unexpected failures are logged, and the client is told only that there
 * was one. Knows nothing of the transport: it answers an {@link IncomingRequest} with a {@link
 * Reply} that carries every header to send.
 */
final class RequestHandler {
  /** The longest request target accepted (path and query, as sent), in characters. */
  static final int MAX_URI_CHARS = 65_536;
  /** The most header lines a request may have. */
  static final int MAX_HEADERS = 64;

  /** Sent with every response: the page runs only its own scripts and styles, and is never framed. */
  static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy",
          "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");

  private final ApiEndpoints api;
  private final FairTurns turns;
  private final Duration turnWait;
  private final PageResources page;
  private final String corsOrigin; // null: no cross-origin access
  private final AccessToken token; // null: anyone may ask
  private final PrintStream log;

  /**
   * @param turns the turns to use the index: searches are work for the processors, and more at
   *     once than there are processors only makes each slower (and its time budget, which counts
   *     from its start, run out)
   * @param turnWait how long a request waits for its turn before it is answered 503
   * @param token the token API requests must carry, or null
   */
  RequestHandler(ApiEndpoints api, FairTurns turns, Duration turnWait, PageResources page, String corsOrigin,
      AccessToken token, PrintStream log) {
    this.api = api;
    this.turns = turns;
    this.turnWait = turnWait;
    this.page = page;
    this.corsOrigin = corsOrigin;
    this.token = token;
    this.log = log;
  }

  /** The whole answer to a request, headers included. */
  Reply handle(IncomingRequest request) {
    Reply reply;
    try {
      reply = answer(request);
    } catch (HttpProblem problem) {
      reply = problem(problem);
    } catch (RuntimeException e) {
      reply = problem(problemOf(e, request));
    }
    return withCommonHeaders(reply, request.rawPath().startsWith("/api/"));
  }

  /** An error answer, with a hint when to ask again for the statuses that pass. */
  static Reply problem(HttpProblem problem) {
    Reply reply = Reply.problem(problem);
    if (problem instanceof AccessToken.Unauthorized unauthorized) {
      return reply.with("WWW-Authenticate", unauthorized.challenge());
    }
    return problem.status() == 503 ? reply.with("Retry-After", Integer.toString(FairTurns.RETRY_AFTER_SECONDS)) : reply;
  }

  /** The reply with the headers every answer carries: security, caching of JSON, and CORS on the API. */
  Reply withCommonHeaders(Reply reply, boolean api) {
    Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
    if (Reply.JSON.equals(reply.contentType())) {
      headers.put("Cache-Control", "no-store");
    }
    headers.putAll(reply.headers());
    if (corsOrigin != null && api) {
      headers.put("Access-Control-Allow-Origin", corsOrigin);
      headers.put("Vary", "Origin");
    }
    return new Reply(reply.status(), reply.contentType(), reply.body(), headers);
  }

  private Reply answer(IncomingRequest request) {
    String method = request.method();
    if (request.headerCount() > MAX_HEADERS) {
      return problem(new HttpProblem(431, "headers_too_large", "a request may have at most " + MAX_HEADERS + " header lines"))
          .with("Connection", "close");
    }
    if (hasBody(request)) {
      return problem(new HttpProblem(413, "body_not_accepted", "requests to this server have no body"))
          .with("Connection", "close");
    }
    String rawPath = request.rawPath();
    String rawQuery = request.rawQuery();
    if (rawPath.length() + (rawQuery == null ? 0 : rawQuery.length()) > MAX_URI_CHARS) {
      throw new HttpProblem(414, "uri_too_long", "the address is longer than " + MAX_URI_CHARS + " characters");
    }
    List<String> path = segments(rawPath);
    boolean isApi = !path.isEmpty() && path.getFirst().equals("api");
    if (method.equals("OPTIONS") && isApi && corsOrigin != null) {
      return new Reply(204, null, new byte[0], Map.of(
          "Access-Control-Allow-Methods", "GET, HEAD",
          "Access-Control-Allow-Headers", "Authorization",
          "Access-Control-Max-Age", "600",
          "Allow", "GET, HEAD, OPTIONS"));
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return problem(new HttpProblem(405, "method_not_allowed", "only GET and HEAD are answered here, not " + shorten(method)))
          .with("Allow", isApi && corsOrigin != null ? "GET, HEAD, OPTIONS" : "GET, HEAD");
    }
    if (isApi) {
      if (token != null) {
        token.check(request.header().apply("Authorization"));
      }
      return answerInTurn(request.client(), path.subList(1, path.size()), rawQuery);
    }
    return page.at(rawPath).orElseThrow(() -> HttpProblem.notFound("there is nothing at this address"));
  }

  private Reply answerInTurn(String client, List<String> path, String rawQuery) {
    if (!api.usesIndex(path)) {
      return api.answer(path, rawQuery);
    }
    try (FairTurns.Turn turn = turns.take(client, turnWait)) {
      return api.answer(path, rawQuery);
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

  private static boolean hasBody(IncomingRequest request) {
    String length = request.header().apply("Content-Length");
    return request.header().apply("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
  }

  /** The status and message a failure of the library (or of ours) is answered with. */
  private HttpProblem problemOf(RuntimeException e, IncomingRequest request) {
    if (e instanceof InvalidQueryException) {
      return new HttpProblem(400, "invalid_query", e.getMessage());
    }
    if (e instanceof SearchTimeoutException) {
      return new HttpProblem(503, "search_timeout", e.getMessage());
    }
    String what = request.method() + " " + shorten(request.rawPath());
    if (e instanceof IndexAccessException access) {
      log.println("raresearch serve: " + what + ": the index is unavailable: " + e.getMessage());
      return new HttpProblem(503, "index_unavailable",
          "the index cannot be used right now (" + access.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + "); try again later");
    }
    if (e instanceof RareSearchException) {
      log.println("raresearch serve: " + what + ": " + e.getMessage());
      return new HttpProblem(503, "index_unavailable", "the index cannot be read right now; try again later");
    }
    log.println("raresearch serve: internal error on " + what + ": " + e);
    return new HttpProblem(500, "internal_error", "the server failed to answer; its log says why");
  }

  /** Logs a failure the client is told about only that there was one. */
  void logFailure(String what, Object cause) {
    log.println("raresearch serve: internal error on " + what + ": " + cause);
  }

  static String shorten(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
