package org.raresearch.search.suggest;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.raresearch.api.Suggestion;
import org.raresearch.index.IndexSchema;
import org.raresearch.search.symptoms.FindingExpansion;
import org.raresearch.search.symptoms.HpoFindingExpansion;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;

/**
 * The names {@link Suggester} completes: the disease names of an index, and the terms of the Human
 * Phenotype Ontology. Names rank by kind (a disease's title, then a finding's label, then a
 * disease's synonym, then a finding's lay synonym), and shorter names before longer ones of the same
 * kind.
 */
public final class SuggestionSources {
  private static final long TITLE = 40;
  private static final long FINDING_LABEL = 30;
  private static final long SYNONYM = 20;
  private static final long LAY_SYNONYM = 10;

  private SuggestionSources() {}

  /**
   * The sources of an index searched with {@code expansion}: its disease names, and the terms of
   * the HPO when the expansion recognises them.
   */
  public static List<Suggester.Source> of(FindingExpansion expansion) {
    if (expansion instanceof HpoFindingExpansion hpo) {
      return List.of(diseaseNames(), hpoTerms(hpo.ontology()));
    }
    return List.of(diseaseNames());
  }

  /** Every report's title and synonyms, as {@link Suggestion.Kind#DISEASE_NAME} with the report id. */
  public static Suggester.Source diseaseNames() {
    return (reader, sink) -> {
      Set<String> fields = Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.SYNONYMS);
      for (LeafReaderContext leaf : reader.leaves()) {
        LeafReader leafReader = leaf.reader();
        Bits live = leafReader.getLiveDocs();
        StoredFields stored = leafReader.storedFields();
        for (int doc = 0; doc < leafReader.maxDoc(); doc++) {
          if (live == null || live.get(doc)) {
            diseaseNames(stored.document(doc, fields), sink);
          }
        }
      }
    };
  }

  private static void diseaseNames(Document doc, Consumer<Suggester.Entry> sink) {
    String id = doc.get(IndexSchema.ID);
    String title = doc.get(IndexSchema.TITLE);
    if (id == null || title == null) {
      return;
    }
    sink.accept(entry(title, Suggestion.Kind.DISEASE_NAME, id, TITLE));
    for (IndexableField synonym : doc.getFields(IndexSchema.SYNONYMS)) {
      sink.accept(entry(synonym.stringValue(), Suggestion.Kind.DISEASE_NAME, id, SYNONYM));
    }
  }

  /**
   * The labels and lay synonyms of an ontology's findings (the live terms below Phenotypic
   * abnormality), as {@link Suggestion.Kind#FINDING} with the term id.
   */
  public static Suggester.Source hpoTerms(HpoOntology ontology) {
    return (reader, sink) -> {
      for (HpoTerm term : findings(ontology)) {
        sink.accept(entry(term.label(), Suggestion.Kind.FINDING, term.id(), FINDING_LABEL));
        for (HpoTerm.Synonym synonym : term.synonyms()) {
          if (synonym.layperson()) {
            sink.accept(entry(synonym.text(), Suggestion.Kind.FINDING, term.id(), LAY_SYNONYM));
          }
        }
      }
    };
  }

  private static List<HpoTerm> findings(HpoOntology ontology) {
    Map<String, Boolean> below = new HashMap<>();
    return ontology.terms().stream().filter(t -> isFinding(ontology, t.id(), below)).toList();
  }

  /** Whether a term is Phenotypic abnormality or below it; remembers each answer in {@code below}. */
  private static boolean isFinding(HpoOntology ontology, String id, Map<String, Boolean> below) {
    if (id.equals(HpoOntology.PHENOTYPIC_ABNORMALITY)) {
      return false; // the root itself is no finding
    }
    Boolean known = below.get(id);
    if (known != null) {
      return known;
    }
    below.put(id, false); // a cycle, were the file to have one, ends here
    boolean result = false;
    HpoTerm term = ontology.term(id).orElse(null);
    if (term != null) {
      for (String parent : term.parents()) {
        if (parent.equals(HpoOntology.PHENOTYPIC_ABNORMALITY) || isFinding(ontology, parent, below)) {
          result = true;
          break;
        }
      }
    }
    below.put(id, result);
    return result;
  }

  /** An entry ranked by {@code kind} first, then by shortness. */
  private static Suggester.Entry entry(String text, Suggestion.Kind kind, String id, long rank) {
    return new Suggester.Entry(text, kind, id, rank * 1_000 + Math.max(0, 999 - text.length()));
  }
}
