package org.raresearch.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.raresearch.RareSearch;
import org.raresearch.api.SearchResults;

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

  /**
   * One endpoint {@code /api/<name>}: the query parameters it takes, whether it takes a turn to use
   * the index (see {@link FairTurns}), and how it answers. A new endpoint is one more entry in
   * {@link #routes}.
   */
  private record Route(Set<String> parameters, boolean usesIndex, Function<QueryParameters, Reply> answer) {}

  private final RareSearch rare;
  private final Map<String, Route> routes;

  ApiEndpoints(RareSearch rare) {
    this.rare = rare;
    this.routes = Map.of(
        "search", new Route(Set.of("q", "limit", "ask"), true, this::search),
        "resolve", new Route(Set.of("name", "limit"), true, this::resolve),
        "suggest", new Route(Set.of("q", "limit"), true, this::suggest),
        "health", new Route(Set.of(), false, this::health));
  }

  /** Whether answering {@code /api/<path>} uses the index (and so waits its turn). */
  boolean usesIndex(List<String> path) {
    Route route = path.size() == 1 ? routes.get(path.getFirst()) : null;
    return route == null || route.usesIndex();
  }

  /** Answers {@code /api/<name>} (and {@code /api/reports/<id>}) given the decoded path below {@code /api}. */
  Reply answer(List<String> path, String rawQuery) {
    String endpoint = "/api/" + String.join("/", path);
    if (path.size() == 2 && path.get(0).equals("reports")) {
      QueryParameters.parse(rawQuery, Set.of(), endpoint);
      return report(path.get(1));
    }
    Route route = path.size() == 1 ? routes.get(path.getFirst()) : null;
    if (route == null) {
      throw HttpProblem.notFound("there is nothing at " + endpoint);
    }
    return route.answer().apply(QueryParameters.parse(rawQuery, route.parameters(), endpoint));
  }

  private Reply search(QueryParameters params) {
    int limit = params.intValue("limit", 10, 1, MAX_LIMIT);
    int ask = params.intValue("ask", 0, 0, RareSearch.MAX_QUESTIONS);
    String query = params.get("q");
    SearchResults results = rare.search(query, limit);
    return Reply.json(ask == 0 ? JsonViews.search(query, results) : JsonViews.search(query, results, rare.ask(query, ask)));
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
