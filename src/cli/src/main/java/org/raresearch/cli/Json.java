package org.raresearch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.raresearch.NameMatch;
import org.raresearch.PhenotypeMatch;
import org.raresearch.SearchHit;
import org.raresearch.Snippet;
import org.raresearch.vocabulary.RecognizedFinding;

/** JSON output of the CLI's {@code --json} option. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ObjectNode hit(int rank, SearchHit hit) {
    ObjectNode node = object();
    node.put("rank", rank);
    node.put("id", hit.id());
    node.put("title", hit.title());
    node.put("score", hit.score());
    ArrayNode sources = node.putArray("sourceIds");
    hit.sourceIds().forEach(sources::add);
    ArrayNode sections = node.putArray("matchedSections");
    hit.matchedSections().forEach(sections::add);
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
      for (PhenotypeMatch m : hit.phenotypeMatches()) {
        ObjectNode match = matches.addObject();
        match.put("finding", m.finding());
        match.put("queryTerm", m.queryTermId());
        match.put("queryTermLabel", m.queryTermLabel());
        match.put("relation", m.relation().name());
        ObjectNode source = match.putObject("source");
        source.put("report", m.reportId());
        source.put("term", m.annotatedTermId());
        source.put("label", m.annotatedTermLabel());
        source.put("frequency", m.frequency().name());
        m.share().ifPresent(share -> source.put("sharePercent", Math.round(share * 10) / 10.0));
        match.put("diseasesWithTerm", m.diseasesWithTerm());
      }
    }
    return node;
  }

  /** What each finding of a query was recognised as. */
  static ArrayNode findings(List<RecognizedFinding> findings) {
    ArrayNode array = MAPPER.createArrayNode();
    for (RecognizedFinding finding : findings) {
      ObjectNode node = array.addObject();
      node.put("finding", finding.finding());
      node.put("excluded", finding.excluded());
      ArrayNode terms = node.putArray("terms");
      for (RecognizedFinding.Term term : finding.terms()) {
        terms.addObject()
            .put("id", term.term().id())
            .put("label", term.term().label())
            .put("matchedName", term.matchedName())
            .put("how", term.how().name())
            .put("confidence", Math.round(term.confidence() * 1000) / 1000.0);
      }
    }
    return array;
  }

  static ObjectNode match(NameMatch match) {
    ObjectNode node = object();
    node.put("id", match.id());
    node.put("title", match.title());
    node.put("matchedName", match.matchedName());
    node.put("kind", match.kind().name());
    node.put("confidence", Math.round(match.confidence() * 1000) / 1000.0);
    ArrayNode sources = node.putArray("sourceIds");
    match.sourceIds().forEach(sources::add);
    return node;
  }

  static void print(PrintWriter out, Object node) {
    try {
      out.println(MAPPER.writeValueAsString(node));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("JSON of our own tree cannot fail", e);
    }
  }
}
