package org.raresearch.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.raresearch.server.RawHttp.encode;
import static org.raresearch.server.RawHttp.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;
import org.raresearch.api.IngestProgress;
import org.raresearch.server.RawHttp.Response;
import org.raresearch.testing.PhenotypeFixtures;

/**
 * {@code &ask=N} and findings written as ids, over real HTTP on loopback, against a real index of
 * the fixture diseases that keeps its ontology.
 */
class ServerAskTest {
  @TempDir static Path tmp;
  private static RareSearch rare;
  private static RareSearchServer server;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    Path index = tmp.resolve("index");
    try (RareSearch writer = RareSearch.open(index)) {
      writer.ingest(PhenotypeFixtures.source(PhenotypeFixtures.ontology(tmp)), IngestProgress.NONE);
    }
    rare = RareSearch.builder(index).readOnly().searchTimeout(Duration.ofMinutes(1)).open();
    server = RareSearchServer.builder(rare).port(0).maxWait(Duration.ofSeconds(50)).start();
    port = server.port();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    rare.close();
  }

  @Test
  void search_withAsk_answersTheQuestionsBestFirst_neverOneTheQuerySays() throws Exception {
    Response response = get(port, "/api/search?q=" + encode("HP:0000639; no HP:0001945") + "&ask=3");
    assertEquals(200, response.status(), response.body());
    JsonNode json = response.json();
    assertEquals("HP:0000639", json.get("findings").get(0).get("id").asText());
    assertEquals("ID", json.get("findings").get(0).get("kind").asText());
    JsonNode ask = json.get("ask");
    assertFalse(ask.isEmpty(), response.body());
    for (JsonNode question : ask) {
      assertFalse(Set.of("HP:0000639", "HP:0001945", "HP:0000478").contains(question.get("id").asText()), response.body());
      assertFalse(question.get("label").asText().isBlank());
      assertTrue(question.get("diseases").isArray());
    }
    for (int i = 1; i < ask.size(); i++) {
      assertTrue(ask.get(i - 1).get("gain").asDouble() >= ask.get(i).get("gain").asDouble(), response.body());
    }
    assertFalse(get(port, "/api/search?q=" + encode("HP:0000639")).json().has("ask"));
  }

  @Test
  void search_withAskOutOfRange_isABadRequest() throws Exception {
    Response response = get(port, "/api/search?q=" + encode("Nystagmus") + "&ask=" + (RareSearch.MAX_QUESTIONS + 1));
    assertEquals(400, response.status(), response.body());
    assertTrue(response.json().get("message").asText().contains("ask"), response.body());
  }
}
