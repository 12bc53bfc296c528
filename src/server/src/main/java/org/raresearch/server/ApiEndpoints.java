package org.raresearch.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.raresearch.RareSearch;

/**
 * The JSON API over one {@link RareSearch}: each method answers one endpoint from its path's
 * parameters, in the form of {@link JsonViews}. Errors of the library ({@code
 * InvalidQueryException} and the rest) are left to the caller to turn into statuses.
 */
final class ApiEndpoints {
  /** The most hits or candidates one request may ask for. */
  static final int MAX_LIMIT = 100;
  /** The most suggestions one request may ask for. */
  static final int MAX_SUGGESTIONS = 20;
  /** Longer ids are no report's: refused before the index is asked. */
  static final int MAX_ID_CHARS = 256;

  private final RareSearch rare;

  ApiEndpoints(RareSearch rare) {
    this.rare = rare;
  }

  /** Answers {@code /api/<name>} (and {@code /api/reports/<id>}) given the decoded path below {@code /api}. */
  Reply answer(List<String> path, String rawQuery) {
    String endpoint = "/api/" + String.join("/", path);
    if (path.size() == 2 && path.get(0).equals("reports")) {
      QueryParameters.parse(rawQuery, Set.of(), endpoint);
      return report(path.get(1));
    }
    if (path.size() != 1) {
      throw HttpProblem.notFound("there is nothing at " + endpoint);
    }
    return switch (path.getFirst()) {
      case "search" -> search(QueryParameters.parse(rawQuery, Set.of("q", "limit"), endpoint));
      case "resolve" -> resolve(QueryParameters.parse(rawQuery, Set.of("name", "limit"), endpoint));
      case "suggest" -> suggest(QueryParameters.parse(rawQuery, Set.of("q", "limit"), endpoint));
      case "health" -> health(QueryParameters.parse(rawQuery, Set.of(), endpoint));
      default -> throw HttpProblem.notFound("there is nothing at " + endpoint);
    };
  }

  private Reply search(QueryParameters params) {
    int limit = params.intValue("limit", 10, 1, MAX_LIMIT);
    String query = params.get("q");
    return Reply.json(JsonViews.search(query, rare.search(query, limit)));
  }

  private Reply resolve(QueryParameters params) {
    int limit = params.intValue("limit", 10, 1, MAX_LIMIT);
    String name = params.get("name");
    return Reply.json(JsonViews.resolve(name, rare.resolve(name, limit)));
  }

  private Reply suggest(QueryParameters params) {
    int limit = params.intValue("limit", 8, 1, MAX_SUGGESTIONS);
    String prefix = params.get("q");
    return Reply.json(JsonViews.suggestions(prefix, rare.suggest(prefix, limit)));
  }

  private Reply report(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
      throw HttpProblem.notFound("no report has that id");
    }
    return rare.get(id)
        .map(report -> Reply.json(JsonViews.report(report)))
        .orElseThrow(() -> HttpProblem.notFound("no report has the id \"" + id + "\""));
  }

  private Reply health(QueryParameters params) {
    ObjectNode node = JsonViews.MAPPER.createObjectNode();
    node.put("status", "ok");
    node.put("reports", rare.count());
    return Reply.json(node);
  }
}
