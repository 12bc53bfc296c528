package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raresearch.server.RawHttp.encode;
import static org.raresearch.server.RawHttp.get;
import static org.raresearch.server.RawHttp.request;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.server.RawHttp.Response;
import org.raresearch.testing.BundledIndex;

/**
 * The JSON API over real HTTP on loopback, against an index of the bundled reports: answers, error
 * statuses and bodies, hostile requests, and many requests at once.
 */
class ServerApiTest {
  private static final String DERMATOMYOSITIS_QUERY = "heliotrope rash, proximal muscle weakness";

  private static RareSearch rare;
  private static RareSearchServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    // A generous time budget: the test machine may be busy, and the budget is tested on its own.
    rare = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
    server = RareSearchServer.builder(rare).port(0).maxWait(Duration.ofSeconds(50)).start();
    port = server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    rare.close();
  }

  /** An error answer: JSON with a kind and a message that names no Java class and has no stack trace. */
  private static JsonNode assertError(Response response, int status, String kind) {
    assertEquals(status, response.status(), response.body());
    assertEquals(Reply.JSON, response.header("Content-Type"));
    JsonNode json = response.json();
    assertEquals(kind, json.get("error").asText(), response.body());
    String message = json.get("message").asText();
    assertFalse(message.isBlank());
    assertEquals(2, json.size(), response.body());
    assertFalse(message.matches("(?s).*(Exception|java\\.|org\\.raresearch|org\\.apache|\\tat ).*"), message);
    return json;
  }

  @Test
  void search_answersTheCliJson_withDermatomyositisFirst() throws Exception {
    Response response = get(port, "/api/search?q=" + encode(DERMATOMYOSITIS_QUERY));
    assertEquals(200, response.status(), response.body());
    assertEquals(Reply.JSON, response.header("Content-Type"));
    JsonNode json = response.json();
    assertEquals(DERMATOMYOSITIS_QUERY, json.get("query").asText());
    JsonNode first = json.get("hits").get(0);
    assertEquals("dermatomyositis", first.get("id").asText());
    assertEquals(1, first.get("rank").asInt());
    assertEquals(10, json.get("hits").size());
    JsonNode snippet = first.get("snippets").get(0);
    String text = snippet.get("text").asText();
    for (JsonNode span : snippet.get("highlights")) {
      assertTrue(span.get(0).asInt() < span.get(1).asInt() && span.get(1).asInt() <= text.length(), span.toString());
    }
    // The very JSON the command line prints for the same search.
    assertEquals(JsonViews.MAPPER.writeValueAsString(JsonViews.search(DERMATOMYOSITIS_QUERY, rare.search(DERMATOMYOSITIS_QUERY, 10))),
        response.body());
    assertEquals(3, get(port, "/api/search?q=" + encode(DERMATOMYOSITIS_QUERY) + "&limit=3").json().get("hits").size());
  }

  @Test
  void resolve_findsEveryDiseaseOfAName_andNearMisses() {
    JsonNode iim = get(port, "/api/resolve?name=IIM").json();
    assertEquals(2, iim.get("candidates").size(), iim.toString());
    assertEquals("ABBREVIATION", iim.get("candidates").get(0).get("kind").asText());
    JsonNode typo = get(port, "/api/resolve?name=dermatomyocitis").json();
    assertEquals("dermatomyositis", typo.get("candidates").get(0).get("id").asText());
    assertEquals("NEAR_MISS", typo.get("candidates").get(0).get("kind").asText());
    assertEquals(0, get(port, "/api/resolve?name=zzqxj").json().get("candidates").size());
  }

  @Test
  void reports_answerTheWholeReport_or404() {
    Response report = get(port, "/api/reports/myasthenia-gravis");
    assertEquals(200, report.status());
    JsonNode json = report.json();
    assertEquals("Myasthenia Gravis", json.get("title").asText());
    assertTrue(json.get("sections").size() >= 5, json.toString());
    JsonNode missing = assertError(get(port, "/api/reports/no-such-report"), 404, "not_found");
    assertTrue(missing.get("message").asText().contains("no-such-report"));
    assertError(get(port, "/api/reports/" + "x".repeat(300)), 404, "not_found");
    assertError(get(port, "/api/reports/myasthenia-gravis/extra"), 404, "not_found");
    assertError(get(port, "/api/reports/"), 404, "not_found");
  }

  @Test
  void suggest_completesDiseaseNames() {
    JsonNode json = get(port, "/api/suggest?q=derm").json();
    JsonNode first = json.get("suggestions").get(0);
    assertEquals("Dermatomyositis", first.get("text").asText());
    assertEquals("DISEASE_NAME", first.get("kind").asText());
    assertEquals("dermatomyositis", first.get("id").asText());
    assertEquals(2, get(port, "/api/suggest?q=muscular+dys&limit=2").json().get("suggestions").size());
    assertError(get(port, "/api/suggest?q=+"), 400, "invalid_query");
    assertError(get(port, "/api/suggest?q=derm&limit=21"), 400, "bad_request");
  }

  @Test
  void health_countsTheReports() {
    Response health = get(port, "/api/health");
    assertEquals(200, health.status());
    assertEquals("ok", health.json().get("status").asText());
    assertEquals(48, health.json().get("reports").asInt());
  }

  @Test
  void refusedQueries_are400_sayingWhy() {
    assertTrue(assertError(get(port, "/api/search?q="), 400, "invalid_query").get("message").asText().contains("empty"));
    assertTrue(assertError(get(port, "/api/search"), 400, "invalid_query").get("message").asText().contains("missing"));
    assertTrue(assertError(get(port, "/api/search?q=%01%00%7F"), 400, "invalid_query").get("message").asText().contains("empty"));
    String overLong = "a".repeat(RareSearch.MAX_QUERY_CHARS + 1);
    assertTrue(assertError(get(port, "/api/search?q=" + overLong), 400, "invalid_query")
        .get("message").asText().contains((RareSearch.MAX_QUERY_CHARS + 1) + " characters"));
    assertError(get(port, "/api/resolve?name=" + "b".repeat(RareSearch.MAX_NAME_CHARS + 1)), 400, "invalid_query");
    assertError(get(port, "/api/search?q=rash&limit=0"), 400, "bad_request");
    assertError(get(port, "/api/search?q=rash&limit=101"), 400, "bad_request");
    assertError(get(port, "/api/search?q=rash&limit=ten"), 400, "bad_request");
  }

  @Test
  void unknownAndRepeatedParameters_are400_namingThem() {
    JsonNode unknown = assertError(get(port, "/api/search?q=rash&sort=score"), 400, "bad_request");
    assertTrue(unknown.get("message").asText().contains("\"sort\""), unknown.toString());
    assertError(get(port, "/api/search?q=rash&q=fever"), 400, "bad_request");
    assertError(get(port, "/api/health?verbose=1"), 400, "bad_request");
  }

  @Test
  void controlCharactersInAQuery_areSpaces() {
    Response response = get(port, "/api/search?q=" + encode("heliotrope\u0000rash\u0007, proximal\u001b muscle weakness"));
    assertEquals(200, response.status(), response.body());
    assertEquals("dermatomyositis", response.json().get("hits").get(0).get("id").asText());
  }

  @Test
  void badPercentEncoding_is400() {
    JsonNode notUtf8 = assertError(get(port, "/api/search?q=%C3%28rash"), 400, "bad_request");
    assertTrue(notUtf8.get("message").asText().contains("UTF-8"), notUtf8.toString());
    assertError(get(port, "/api/reports/%FF%FE"), 400, "bad_request");
    assertError(get(port, "/api/search?q=" + "\u00e9"), 400, "bad_request");
    // Not even URI syntax.
    for (String target : List.of("/api/search?q=%zz", "/api/search?q=rash%", "/api/search?q=rash%4")) {
      assertEquals(400, get(port, target).status(), target);
    }
    assertEquals(200, get(port, "/api/health").status());
  }

  @Test
  void pathTraversal_reachesNoFile() {
    for (String target : List.of(
        "/api/reports/../../etc/passwd", "/../../../../etc/passwd", "/api/reports/..%2F..%2Fetc%2Fpasswd",
        "/api/reports/%2E%2E", "/app.js/../../../etc/passwd", "/api//health", "/%2e%2e/%2e%2e/etc/passwd",
        "/api/reports/..%5C..%5Cwindows%5Cwin.ini", "http://localhost/../../etc/passwd")) {
      Response response = get(port, target);
      // Jetty refuses a path that climbs above the root as malformed; the others name nothing here.
      if (response.status() == 400) {
        assertError(response, 400, "bad_request");
      } else {
        assertError(response, 404, "not_found");
      }
      assertFalse(response.body().contains("root:"), target);
    }
    int star = get(port, "*").status();
    assertTrue(star == 400 || star == 404, "status " + star);
  }

  @Test
  void methods_otherThanGetAndHead_are405_andHeadSendsNoBody() {
    Response head = request(port, "HEAD", "/api/health", "");
    assertEquals(200, head.status());
    assertEquals("", head.body());
    assertEquals(Integer.toString(get(port, "/api/health").body().length()), head.header("Content-Length"));
    for (String method : List.of("POST", "DELETE", "OPTIONS", "TRACE", "PATCH", "BREW")) {
      Response response = request(port, method, "/api/search?q=rash", "");
      assertError(response, 405, "method_not_allowed");
      assertEquals("GET, HEAD", response.header("Allow"));
      assertNull(response.header("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void requestBodies_are413() {
    assertError(request(port, "POST", "/api/search", "Content-Length: 9\r\n\r\nq=rash&x="), 413, "body_not_accepted");
    assertError(request(port, "GET", "/api/health", "Transfer-Encoding: chunked\r\n\r\n0\r\n"), 413, "body_not_accepted");
  }

  @Test
  void oversizedRequests_areRefused_andTheServerGoesOn() {
    assertError(get(port, "/api/search?q=" + "a".repeat(RequestHandler.MAX_URI_CHARS)), 414, "uri_too_long");
    // Past the limits of the head (its size, its number of lines) the request is refused and its connection closed.
    Response hugeLine = get(port, "/api/search?q=" + "a".repeat(200_000));
    assertTrue(hugeLine.status() == 0 || hugeLine.status() == 414 || hugeLine.status() == 431, "status " + hugeLine.status());
    if (hugeLine.status() != 0) {
      assertEquals(Reply.JSON, hugeLine.header("Content-Type"));
    }
    StringBuilder headers = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      headers.append("X-Filler-").append(i).append(": ").append("v".repeat(100)).append("\r\n");
    }
    assertError(request(port, "GET", "/api/health", headers.toString()), 431, "headers_too_large");
    assertEquals(200, get(port, "/api/health").status());
  }

  @Test
  void unknownAddresses_are404Json_andThePageIsServedWithStrictHeaders() {
    assertError(get(port, "/api/nothing"), 404, "not_found");
    assertError(get(port, "/index.php"), 404, "not_found");
    Response page = get(port, "/?q=" + encode("droopy eyelid"));
    assertEquals(200, page.status());
    assertEquals("text/html; charset=utf-8", page.header("Content-Type"));
    assertTrue(page.body().contains("<script src=\"/app.js\" defer></script>"));
    assertFalse(page.body().matches("(?s).*<script>.*|.*<style.*|.*style=.*|.*https?://.*"), "inline code or an external address in the page");
    for (String path : List.of("/", "/app.js", "/app.css", "/api/health", "/api/nothing")) {
      Response response = get(port, path);
      assertTrue(response.header("Content-Security-Policy").startsWith("default-src 'self'"), path);
      assertEquals("nosniff", response.header("X-Content-Type-Options"), path);
      assertNull(response.header("Access-Control-Allow-Origin"), path);
    }
    assertEquals("text/javascript; charset=utf-8", get(port, "/app.js").header("Content-Type"));
  }

  @Test
  void corsHeaders_onlyForTheOriginGiven() throws Exception {
    try (RareSearchServer cors = RareSearchServer.builder(rare).port(0).corsOrigin("https://clinic.example.org").start()) {
      Response search = get(cors.port(), "/api/search?q=rash");
      assertEquals("https://clinic.example.org", search.header("Access-Control-Allow-Origin"));
      Response preflight = request(cors.port(), "OPTIONS", "/api/search?q=rash", "Origin: https://clinic.example.org\r\n");
      assertEquals(204, preflight.status());
      assertEquals("GET, HEAD", preflight.header("Access-Control-Allow-Methods"));
      assertNull(get(cors.port(), "/").header("Access-Control-Allow-Origin"));
    }
  }

  @Test
  void withAToken_everyApiRequestMustCarryIt_andThePageLoadsWithout() throws Exception {
    String token = "s3cret-token-0123456789abcdef";
    try (RareSearchServer guarded = RareSearchServer.builder(rare).port(0).token(token).corsOrigin("https://clinic.example.org").start()) {
      int p = guarded.port();
      JsonNode missing = assertError(get(p, "/api/search?q=rash"), 401, "unauthorized");
      assertTrue(missing.get("message").asText().contains("Authorization: Bearer"), missing.toString());
      assertEquals("Bearer realm=\"RareSearch\"", get(p, "/api/health").header("WWW-Authenticate"));
      Response wrong = request(p, "GET", "/api/health", "Authorization: Bearer " + token + "x\r\n");
      assertError(wrong, 401, "unauthorized");
      assertTrue(wrong.header("WWW-Authenticate").contains("invalid_token"), wrong.header("WWW-Authenticate"));
      assertError(request(p, "GET", "/api/health", "Authorization: Bearer " + token.substring(1) + "\r\n"), 401, "unauthorized");
      assertError(request(p, "GET", "/api/health", "Authorization: Basic " + token + "\r\n"), 401, "unauthorized");
      assertError(request(p, "GET", "/api/reports/dermatomyositis", "Authorization: Bearer\r\n"), 401, "unauthorized");
      // The right token, in any case of the scheme's name.
      Response search = request(p, "GET", "/api/search?q=" + encode(DERMATOMYOSITIS_QUERY), "Authorization: bearer " + token + "\r\n");
      assertEquals(200, search.status(), search.body());
      assertEquals("dermatomyositis", search.json().get("hits").get(0).get("id").asText());
      assertEquals(200, request(p, "GET", "/api/reports/dermatomyositis", "Authorization: Bearer " + token + "\r\n").status());
      // The page holds no data and is served to anyone, so that it can ask for the token.
      assertEquals(200, get(p, "/").status());
      assertEquals(200, get(p, "/app.js").status());
      // A preflight carries no credentials: it is answered, and allows the header.
      Response preflight = request(p, "OPTIONS", "/api/search?q=rash", "Origin: https://clinic.example.org\r\n");
      assertEquals(204, preflight.status());
      assertEquals("Authorization", preflight.header("Access-Control-Allow-Headers"));
    }
  }

  @Test
  void aTokenTooShortOrWithSpaces_isRefusedSayingWhy() {
    IllegalArgumentException shortOne = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RareSearchServer.builder(rare).token("abc"));
    assertTrue(shortOne.getMessage().contains("16"), shortOne.getMessage());
    IllegalArgumentException spaced = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RareSearchServer.builder(rare).token("a token with spaces in it"));
    assertTrue(spaced.getMessage().contains("visible ASCII"), spaced.getMessage());
  }

  @Test
  void aSearchPastItsTimeBudget_is503() throws Exception {
    try (RareSearch slow = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofNanos(1)).open();
        RareSearchServer timed = RareSearchServer.builder(slow).port(0).start()) {
      JsonNode error = assertError(get(timed.port(), "/api/search?q=" + encode(DERMATOMYOSITIS_QUERY)), 503, "search_timeout");
      assertTrue(error.get("message").asText().contains("time budget"), error.toString());
    }
  }

  @Test
  void aDamagedIndex_is503_untilItIsRepaired(@TempDir Path tmp) throws Exception {
    Path index = Files.createDirectories(tmp.resolve("index"));
    try (Stream<Path> files = Files.list(BundledIndex.path())) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Files.copy(file, index.resolve(file.getFileName()));
      }
    }
    java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
    try (RareSearch copy = RareSearch.builder(index).readOnly().open();
        RareSearchServer damaged = RareSearchServer.builder(copy).port(0).log(new java.io.PrintStream(log, true)).start()) {
      assertEquals(200, get(damaged.port(), "/api/health").status());
      // A newer commit point that is garbage, as a careless copy would leave.
      Path bogus = index.resolve("segments_zz");
      Files.writeString(bogus, "not an index");
      Response broken = awaitStatus(damaged.port(), 503);
      assertError(broken, 503, "index_unavailable");
      assertTrue(log.toString().contains(index.toString()), log.toString());
      Files.delete(bogus);
      assertEquals(200, awaitStatus(damaged.port(), 200).status());
    }
  }

  /** Asks for the health until it has the status (a read-only index looks for changes once a second). */
  private static Response awaitStatus(int port, int status) throws InterruptedException {
    Response response = get(port, "/api/health");
    for (int i = 0; i < 100 && response.status() != status; i++) {
      Thread.sleep(100);
      response = get(port, "/api/health");
    }
    return response;
  }

  @Test
  void sixtyFourConcurrentRequests_areAllAnsweredCorrectly() throws Exception {
    List<String> targets = List.of(
        "/api/search?q=" + encode(DERMATOMYOSITIS_QUERY), "/api/resolve?name=IIM", "/api/suggest?q=myasth",
        "/api/reports/dermatomyositis");
    targets.forEach(target -> assertEquals(200, get(port, target).status(), target)); // warm, so the burst tests answers, not start-up
    ExecutorService clients = Executors.newFixedThreadPool(64);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Response>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        String target = targets.get(i % targets.size());
        answers.add(clients.submit(() -> {
          go.await();
          return get(port, target);
        }));
      }
      go.countDown();
      for (int i = 0; i < 64; i++) {
        Response response = answers.get(i).get();
        assertEquals(200, response.status(), response.body());
        JsonNode json = response.json();
        switch (i % targets.size()) {
          case 0 -> assertEquals("dermatomyositis", json.get("hits").get(0).get("id").asText());
          case 1 -> assertEquals(2, json.get("candidates").size());
          case 2 -> assertEquals("Myasthenia Gravis", json.get("suggestions").get(0).get("text").asText());
          default -> assertEquals("Dermatomyositis", json.get("title").asText());
        }
      }
    } finally {
      clients.shutdownNow();
    }
  }
}
