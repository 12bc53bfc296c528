package org.raresearch.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response ready to send: status, content type, body, and headers of its own (on top of those
 * every response carries).
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {
  static final String JSON = "application/json; charset=utf-8";

  Reply {
    headers = Map.copyOf(headers);
  }

  static Reply json(int status, JsonNode node) {
    try {
      return new Reply(status, JSON, JsonViews.MAPPER.writeValueAsBytes(node), Map.of());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of our own tree cannot fail", e);
    }
  }

  static Reply json(JsonNode node) {
    return json(200, node);
  }

  static Reply problem(HttpProblem problem) {
    return json(problem.status(), JsonViews.error(problem.kind(), problem.getMessage()));
  }

  /** This reply with one more header. */
  Reply with(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }
}
