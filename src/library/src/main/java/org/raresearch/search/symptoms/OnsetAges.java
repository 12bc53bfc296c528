package org.raresearch.search.symptoms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.raresearch.index.IndexSchema;
import org.raresearch.query.FindingRecognizer;
import org.raresearch.search.queries.ContradictedQuery;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * The ages a finding of onset or clinical course allows a disease to start at, and what contradicts
 * it. Ages are the classes of the HPO's Onset branch, in order: antenatal (0), congenital and
 * neonatal (1), infantile (2), childhood (3), juvenile (4), adult (5), late (6). An onset finding
 * allows its own class; a death finding ("Death in infancy") every class up to its age. A disease
 * whose stated ages of onset (its profile's onset terms) are all more than one class from what a
 * finding allows is contradicted by it. A disease that states no age of onset, or a finding of
 * course that says nothing of age (Progressive), contradicts nothing.
 */
final class OnsetAges {
  /** An onset term's class, by term id; a broader term (Pediatric onset) spans several. */
  private static final Map<String, int[]> ONSET_CLASSES = Map.ofEntries(
      Map.entry("HP:0030674", new int[] {0, 0}), // Antenatal onset
      Map.entry("HP:0003577", new int[] {1, 1}), // Congenital onset
      Map.entry("HP:0003623", new int[] {1, 1}), // Neonatal onset
      Map.entry("HP:0410280", new int[] {2, 4}), // Pediatric onset
      Map.entry("HP:0003593", new int[] {2, 2}), // Infantile onset
      Map.entry("HP:0011463", new int[] {3, 3}), // Childhood onset
      Map.entry("HP:0003621", new int[] {4, 4}), // Juvenile onset
      Map.entry("HP:0003581", new int[] {5, 6}), // Adult onset
      Map.entry("HP:0011462", new int[] {5, 5}), // Young adult onset
      Map.entry("HP:0003596", new int[] {5, 5}), // Middle age onset
      Map.entry("HP:0003584", new int[] {6, 6})); // Late onset

  /** A death term's age: onset is at or before it. */
  private static final Map<String, Integer> DEATH_AGES = Map.of(
      "HP:0003826", 0, // Stillbirth
      "HP:0003811", 1, // Neonatal death
      "HP:0001522", 2, // Death in infancy
      "HP:0003819", 3, // Death in childhood
      "HP:0011421", 4, // Death in adolescence
      "HP:0100613", 5); // Death in early adulthood

  /** The onset terms a disease profile may hold for each class, narrowest first. */
  private static final List<List<String>> CLASS_TERMS = List.of(
      List.of("HP:0030674"),
      List.of("HP:0003577", "HP:0003623"),
      List.of("HP:0003593"),
      List.of("HP:0011463"),
      List.of("HP:0003621"),
      List.of("HP:0011462", "HP:0003596"),
      List.of("HP:0003584"));

  private final HpoOntology ontology;

  OnsetAges(HpoOntology ontology) {
    this.ontology = ontology;
  }

  /** Whether a finding names onset or clinical course: its surest term is one. */
  boolean isCourse(RecognizedFinding finding) {
    return finding.recognised() && FindingRecognizer.isCourse(ontology, finding.terms().getFirst().term().id());
  }

  /** The classes [first, last] a term allows, or null when it says nothing of age. */
  int[] allowed(String termId) {
    Integer death = DEATH_AGES.get(termId);
    if (death != null) {
      return new int[] {0, death};
    }
    for (String term : ontology.lineage(termId)) {
      int[] classes = ONSET_CLASSES.get(term);
      if (classes != null) {
        return classes;
      }
    }
    return null;
  }

  /**
   * What contradicts a disease for this finding: having an age of onset (the Onset term, which
   * every disease with one has) and none of the onset terms within one class of what the finding
   * allows, nor a broader term that spans one of them (Pediatric onset, Adult onset).
   */
  List<ContradictedQuery.Contradiction> contradictions(RecognizedFinding finding, double mismatch) {
    RecognizedFinding.Term surest = finding.terms().getFirst();
    int[] allowed = allowed(surest.term().id());
    if (allowed == null) {
      return List.of();
    }
    int first = Math.max(0, allowed[0] - 1);
    int last = Math.min(CLASS_TERMS.size() - 1, allowed[1] + 1);
    Set<String> compatible = new LinkedHashSet<>();
    for (int c = first; c <= last; c++) {
      compatible.addAll(CLASS_TERMS.get(c));
    }
    for (Map.Entry<String, int[]> broad : ONSET_CLASSES.entrySet()) {
      int[] span = broad.getValue();
      if (span[0] != span[1] && span[0] <= last && span[1] >= first) {
        compatible.add(broad.getKey());
      }
    }
    List<Term> unless = new ArrayList<>();
    compatible.forEach(id -> unless.add(new Term(IndexSchema.PHENOTYPE, id)));
    return List.of(new ContradictedQuery.Contradiction(
        new Term(IndexSchema.PHENOTYPE, HpoOntology.ONSET), surest.confidence(), unless, mismatch));
  }
}
