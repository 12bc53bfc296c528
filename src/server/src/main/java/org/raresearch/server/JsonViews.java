package org.raresearch.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.raresearch.api.NameMatch;
import org.raresearch.api.PhenotypeMatch;
import org.raresearch.api.Question;
import org.raresearch.api.SearchHit;
import org.raresearch.api.SearchResults;
import org.raresearch.api.Snippet;
import org.raresearch.api.Suggestion;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.ReportJson;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * The JSON form of RareSearch's answers, the one place that defines it: the HTTP API sends it and
 * the command line's {@code --json} prints it. A field added here appears in both.
 *
 * <p>Every method returns a new tree; thread-safe.
 */
public final class JsonViews {
  /** Reads and writes the trees (compactly; indent them when printing for people). */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonViews() {}

  /**
   * The answer to a symptom search.
   *
   * <pre>{@code {"query": ..., "totalMatches": 47, "truncated": false, "findings": [finding, ...],
   *  "hits": [hit, ...]}}</pre>
   *
   * {@code findings} says what each finding of the query was recognised as; it is left out when
   * the index has no vocabulary to recognise findings in.
   */
  public static ObjectNode search(String query, SearchResults results) {
    ObjectNode node = NODES.objectNode();
    node.put("query", query);
    node.put("totalMatches", results.totalMatches());
    node.put("truncated", results.truncated());
    if (!results.findings().isEmpty()) {
      ArrayNode findings = node.putArray("findings");
      results.findings().forEach(finding -> findings.add(finding(finding)));
    }
    ArrayNode hits = node.putArray("hits");
    int rank = 1;
    for (SearchHit hit : results.hits()) {
      hits.add(hit(rank++, hit));
    }
    return node;
  }

  /**
   * The answer to a symptom search with the findings worth asking about next: the search's answer
   * and {@code "ask": [{"id", "label", "gain", "probability", "diseases": [{"id", "title",
   * "share"}, ...]}, ...]}, best first.
   */
  public static ObjectNode search(String query, SearchResults results, List<Question> questions) {
    ObjectNode node = search(query, results);
    ArrayNode ask = node.putArray("ask");
    for (Question question : questions) {
      ObjectNode q = ask.addObject()
          .put("id", question.id())
          .put("label", question.label())
          .put("gain", Math.round(question.gain() * 1000) / 1000.0)
          .put("probability", Math.round(question.probability() * 1000) / 1000.0);
      ArrayNode diseases = q.putArray("diseases");
      for (Question.Disease disease : question.diseases()) {
        diseases.addObject()
            .put("id", disease.id())
            .put("title", disease.title())
            .put("share", Math.round(disease.share() * 1000) / 1000.0);
      }
    }
    return node;
  }

  /**
   * One hit: its rank (from 1), id, title, score, every report of the disease, the sections that
   * matched and the snippets, each highlight a {@code [start, end)} pair of character offsets, and
   * (when the query's findings were recognised) its {@code phenotypeMatches}: for each finding,
   * the annotation of one of its reports that fits or contradicts it; and (when the disease was
   * ranked with a prior) its {@code prior}: {@code {"disorderType", "group", "prevalence",
   * "score"}}, {@code prevalence} (a share of people) left out when its source states none.
   */
  public static ObjectNode hit(int rank, SearchHit hit) {
    ObjectNode node = NODES.objectNode();
    node.put("rank", rank);
    node.put("id", hit.id());
    node.put("title", hit.title());
    node.put("score", hit.score());
    strings(node.putArray("sourceIds"), hit.sourceIds());
    strings(node.putArray("matchedSections"), hit.matchedSections());
    ArrayNode snippets = node.putArray("snippets");
    for (Snippet s : hit.snippets()) {
      ObjectNode snippet = snippets.addObject();
      snippet.put("section", s.section());
      snippet.put("text", s.text());
      ArrayNode spans = snippet.putArray("highlights");
      s.highlights().forEach(span -> spans.addArray().add(span.start()).add(span.end()));
    }
    if (!hit.phenotypeMatches().isEmpty()) {
      ArrayNode matches = node.putArray("phenotypeMatches");
      hit.phenotypeMatches().forEach(m -> matches.add(phenotypeMatch(m)));
    }
    hit.prior().ifPresent(prior -> {
      ObjectNode p = node.putObject("prior");
      prior.disorderType().ifPresent(type -> p.put("disorderType", type));
      p.put("group", prior.group());
      prior.prevalence().ifPresent(share -> p.put("prevalence", share));
      p.put("score", prior.score());
    });
    return node;
  }

  /**
   * Why a disease fits one finding: {@code {"finding", "queryTermId", "queryTermLabel",
   * "annotatedTermId", "annotatedTermLabel", "frequency", "share", "reportId", "relation",
   * "diseasesWithTerm"}}, {@code share} (percent) left out when the source gives only a class.
   */
  public static ObjectNode phenotypeMatch(PhenotypeMatch match) {
    ObjectNode node = NODES.objectNode();
    node.put("finding", match.finding());
    node.put("queryTermId", match.queryTermId());
    node.put("queryTermLabel", match.queryTermLabel());
    node.put("annotatedTermId", match.annotatedTermId());
    node.put("annotatedTermLabel", match.annotatedTermLabel());
    node.put("frequency", match.frequency().name());
    match.share().ifPresent(share -> node.put("share", Math.round(share * 10) / 10.0));
    node.put("reportId", match.reportId());
    node.put("relation", match.relation().name());
    node.put("diseasesWithTerm", match.diseasesWithTerm());
    return node;
  }

  /**
   * What one finding of a query was recognised as: {@code {"finding", "excluded", "terms": [{"id",
   * "label", "matchedName", "how", "confidence"}, ...]}}, no terms when it was not recognised.
   */
  public static ObjectNode finding(RecognizedFinding finding) {
    ObjectNode node = NODES.objectNode();
    node.put("finding", finding.finding());
    node.put("excluded", finding.excluded());
    if (finding.kind() != RecognizedFinding.Kind.TEXT) {
      node.put("id", finding.id());
      node.put("kind", finding.kind().name());
    }
    ArrayNode terms = node.putArray("terms");
    for (RecognizedFinding.Term term : finding.terms()) {
      terms.addObject()
          .put("id", term.term().id())
          .put("label", term.term().label())
          .put("matchedName", term.matchedName())
          .put("how", term.how().name())
          .put("confidence", Math.round(term.confidence() * 1000) / 1000.0);
    }
    return node;
  }

  /** The answer to a name resolution: {@code {"name": ..., "candidates": [match, ...]}}. */
  public static ObjectNode resolve(String name, List<NameMatch> matches) {
    ObjectNode node = NODES.objectNode();
    node.put("name", name);
    ArrayNode candidates = node.putArray("candidates");
    matches.forEach(m -> candidates.add(match(m)));
    return node;
  }

  /** One disease a name resolved to, with how it matched and how sure the match is (3 decimals). */
  public static ObjectNode match(NameMatch match) {
    ObjectNode node = NODES.objectNode();
    node.put("id", match.id());
    node.put("title", match.title());
    node.put("matchedName", match.matchedName());
    node.put("kind", match.kind().name());
    node.put("confidence", Math.round(match.confidence() * 1000) / 1000.0);
    strings(node.putArray("sourceIds"), match.sourceIds());
    return node;
  }

  /** A whole report, in the form {@link ReportJson} defines. */
  public static ObjectNode report(DiseaseReport report) {
    try {
      return (ObjectNode) MAPPER.readTree(ReportJson.of(report));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the JSON of a report is JSON", e);
    }
  }

  /**
   * Completions: {@code {"prefix": ..., "suggestions": [{"text", "kind", "id"}, ...]}}, {@code id}
   * left out when the suggestion has none.
   */
  public static ObjectNode suggestions(String prefix, List<Suggestion> suggestions) {
    ObjectNode node = NODES.objectNode();
    node.put("prefix", prefix);
    ArrayNode list = node.putArray("suggestions");
    for (Suggestion s : suggestions) {
      ObjectNode suggestion = list.addObject();
      suggestion.put("text", s.text());
      suggestion.put("kind", s.kind().name());
      if (s.id() != null) {
        suggestion.put("id", s.id());
      }
    }
    return node;
  }

  /** An error: {@code {"error": kind, "message": what was wrong}}. */
  public static ObjectNode error(String kind, String message) {
    ObjectNode node = NODES.objectNode();
    node.put("error", kind);
    node.put("message", message);
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
