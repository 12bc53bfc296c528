package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raresearch.server.RawHttp.encode;
import static org.raresearch.server.RawHttp.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raresearch.RareSearch;
import org.raresearch.server.RawHttp.Response;
import org.raresearch.testing.BundledIndex;

/**
 * The server on loopback under clients that hold connections without finishing their request, and
 * under a flood of connections past its cap: real searches go on being answered, the refused are
 * told so, and the server stays up.
 */
class ServerUnderLoadTest {
  private static final String QUERY = "heliotrope rash, proximal muscle weakness";

  private static RareSearch rare;
  private final List<Socket> hung = new ArrayList<>();

  @BeforeAll
  static void open() {
    rare = RareSearch.builder(BundledIndex.path()).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
  }

  @AfterAll
  static void close() {
    rare.close();
  }

  @AfterEach
  void hangUp() throws IOException {
    for (Socket socket : hung) {
      socket.close();
    }
  }

  /** Opens connections that send half a request head and then nothing. */
  private void hang(int port, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
      socket.getOutputStream().write("GET /api/search?q=rash HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      hung.add(socket);
    }
  }

  private static void awaitOpenConnections(RareSearchServer server, int atLeast) throws InterruptedException {
    for (int i = 0; i < 600 && server.openConnections() < atLeast; i++) {
      Thread.sleep(50);
    }
    assertTrue(server.openConnections() >= atLeast, server.openConnections() + " connections open");
  }

  private static void assertDermatomyositisFirst(Response response) {
    assertEquals(200, response.status(), response.body());
    assertEquals("dermatomyositis", response.json().get("hits").get(0).get("id").asText());
  }

  @Test
  void threeHundredHungConnections_holdNoRequest_andAreClosedAtTheirHeadTimeout() throws Exception {
    try (RareSearchServer server = RareSearchServer.builder(rare).port(0).threads(16).headTimeout(Duration.ofSeconds(20)).start()) {
      hang(server.port(), 300);
      awaitOpenConnections(server, 300);
      // With every one of them open, and more of them than the server has threads, searches are answered.
      ExecutorService clients = Executors.newFixedThreadPool(8);
      try {
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
          answers.add(clients.submit(() -> get(server.port(), "/api/search?q=" + encode(QUERY))));
        }
        for (Future<Response> answer : answers) {
          assertDermatomyositisFirst(answer.get());
        }
      } finally {
        clients.shutdownNow();
      }
      assertTrue(server.openConnections() >= 300, server.openConnections() + " connections open");
    }
  }

  @Test
  void aHalfSentHead_isClosedAtTheHeadTimeout_andAnIdleConnectionIsNot() throws Exception {
    try (RareSearchServer server = RareSearchServer.builder(rare).port(0).headTimeout(Duration.ofSeconds(1)).start()) {
      hang(server.port(), 3);
      // A connection that asked once and is idle since: kept for the idle timeout, not the head timeout.
      Socket keptAlive = new Socket(InetAddress.getLoopbackAddress(), server.port());
      hung.add(keptAlive);
      keptAlive.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      keptAlive.setSoTimeout(30_000);
      InputStream keptIn = keptAlive.getInputStream();
      String first = readHead(keptIn);
      assertTrue(first.startsWith("HTTP/1.1 200"), first);
      for (Socket socket : hung.subList(0, 3)) {
        socket.setSoTimeout(30_000);
        InputStream in = socket.getInputStream();
        assertEquals(-1, in.read(), "a half-sent head is closed unanswered");
      }
      // Three head timeouts later, the idle one still answers.
      keptAlive.setSoTimeout(3_000);
      try {
        int read = keptIn.read();
        throw new AssertionError("the idle connection sent " + read + " by itself");
      } catch (SocketTimeoutException expected) {
        // still open, nothing sent
      }
      keptAlive.setSoTimeout(30_000);
      keptAlive.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String second = readHead(keptIn);
      assertTrue(second.startsWith("HTTP/1.1 200"), second);
    }
  }

  /** Reads a response's head and the body its Content-Length announces. */
  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new AssertionError("closed after " + head);
      }
      head.append((char) c);
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:");
    int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
    in.readNBytes(length);
    return head.toString();
  }

  @Test
  void aFloodPastTheConnectionCap_isAnswered503_andTheServerGoesOn() throws Exception {
    try (RareSearchServer server = RareSearchServer.builder(rare).port(0).maxConnections(40).headTimeout(Duration.ofSeconds(30)).start()) {
      hang(server.port(), 40);
      awaitOpenConnections(server, 40);
      ExecutorService clients = Executors.newFixedThreadPool(16);
      try {
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          answers.add(clients.submit(() -> get(server.port(), "/api/search?q=" + encode(QUERY))));
        }
        for (Future<Response> answer : answers) {
          Response response = answer.get();
          assertEquals(503, response.status(), response.body());
          JsonNode json = response.json();
          assertEquals("too_many_connections", json.get("error").asText());
          assertEquals(Integer.toString(FairTurns.RETRY_AFTER_SECONDS), response.header("Retry-After"));
          assertEquals("close", response.header("Connection"));
        }
      } finally {
        clients.shutdownNow();
      }
      // Once the hung connections go, the server answers again.
      hangUp();
      hung.clear();
      Response after = get(server.port(), "/api/search?q=" + encode(QUERY));
      for (int i = 0; i < 100 && after.status() != 200; i++) {
        Thread.sleep(100);
        after = get(server.port(), "/api/search?q=" + encode(QUERY));
      }
      assertDermatomyositisFirst(after);
    }
  }

  @Test
  void oneClientsFlood_isAnsweredBusy_pastTheQueue_withRetryAfter() throws Exception {
    // Two turns and two places to wait: sixty searches at once from one client cannot all wait.
    try (RareSearchServer server = RareSearchServer.builder(rare).port(0).threads(Math.max(2, Runtime.getRuntime().availableProcessors()) + 2)
        .maxWait(Duration.ofMinutes(1)).start()) {
      get(server.port(), "/api/search?q=" + encode(QUERY)); // warm
      ExecutorService clients = Executors.newFixedThreadPool(60);
      int ok = 0;
      int busy = 0;
      try {
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
          answers.add(clients.submit(() -> get(server.port(), "/api/search?q=" + encode(QUERY) + "&limit=100")));
        }
        for (Future<Response> answer : answers) {
          Response response = answer.get();
          if (response.status() == 200) {
            ok++;
          } else {
            assertEquals(503, response.status(), response.body());
            assertEquals("busy", response.json().get("error").asText());
            assertEquals(Integer.toString(FairTurns.RETRY_AFTER_SECONDS), response.header("Retry-After"));
            busy++;
          }
        }
      } finally {
        clients.shutdownNow();
      }
      assertEquals(60, ok + busy);
      assertTrue(ok >= 1, "none answered");
      assertEquals(200, get(server.port(), "/api/health").status());
    }
  }
}
