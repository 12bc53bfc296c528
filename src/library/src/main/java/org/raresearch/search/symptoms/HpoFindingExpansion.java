package org.raresearch.search.symptoms;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;
import org.raresearch.vocabulary.HpoTermMatcher;

/**
 * Recognises the findings of a query as Human Phenotype Ontology terms, through their labels and
 * synonyms (lay synonyms included), and offers the term's label and synonyms as alternatives, and
 * with a lower weight the labels of its nearest ancestors: a patient's "Wide based walk" is the
 * term "Broad-based gait", and a report that only lists the more general "Gait disturbance" still
 * earns something.
 */
public final class HpoFindingExpansion implements FindingExpansion {
  private final HpoOntology ontology;
  private final HpoTermMatcher matcher;
  private final float synonymWeight;
  private final float parentWeight;
  private final float grandparentWeight;
  private final int maxAlternatives;

  /**
   * @param ontology the loaded ontology
   * @param synonymWeight weight of the term's synonyms (its label always has weight 1)
   * @param parentWeight weight of its parents' labels (0 for none)
   * @param grandparentWeight weight of its grandparents' labels (0 for none)
   */
  public HpoFindingExpansion(HpoOntology ontology, float synonymWeight, float parentWeight, float grandparentWeight) {
    this.ontology = ontology;
    this.matcher = new HpoTermMatcher(ontology);
    this.synonymWeight = synonymWeight;
    this.parentWeight = parentWeight;
    this.grandparentWeight = grandparentWeight;
    this.maxAlternatives = 12;
  }

  /**
   * The weights measured to work on the dev sets (docs/ranking.md): other synonyms 0.3, parents
   * 0.2, grandparents 0.1; the term's label counts as much as the user's words.
   */
  public static HpoFindingExpansion withDefaults(HpoOntology ontology) {
    return new HpoFindingExpansion(ontology, 0.3f, 0.2f, 0.1f);
  }

  /** The ontology whose terms this expansion recognises. */
  public HpoOntology ontology() {
    return ontology;
  }

  @Override
  public List<Alternative> expand(String finding) {
    List<HpoTermMatcher.Match> matches = matcher.find(finding);
    if (matches.isEmpty()) {
      return List.of();
    }
    Map<String, Float> alternatives = new LinkedHashMap<>();
    String own = finding.strip().toLowerCase(Locale.ROOT);
    // A finding that is one term is replaced by that term's names; a finding that contains terms
    // adds their names, worth a little less since the rest of the finding is lost.
    boolean whole = matches.size() == 1 && matches.get(0).exact();
    float scale = whole ? 1f : 0.7f;
    for (HpoTermMatcher.Match match : matches) {
      HpoTerm term = match.term();
      // The label is how reports name the finding: it is worth as much as the user's own words.
      // Other synonyms are a fallback, worth less so that their rarer words cannot outvote them.
      add(alternatives, own, term.label(), scale);
      for (HpoTerm.Synonym synonym : term.synonyms()) {
        if (synonym.scope() == HpoTerm.Scope.EXACT || synonym.layperson()) {
          add(alternatives, own, synonym.text(), synonymWeight * scale);
        }
      }
    }
    for (HpoTermMatcher.Match match : matches) {
      Set<String> parents = new HashSet<>();
      for (HpoTerm parent : ontology.ancestors(match.term().id(), 1)) {
        parents.add(parent.id());
        add(alternatives, own, parent.label(), parentWeight * scale);
      }
      if (grandparentWeight > 0) {
        for (HpoTerm ancestor : ontology.ancestors(match.term().id(), 2)) {
          if (!parents.contains(ancestor.id())) {
            add(alternatives, own, ancestor.label(), grandparentWeight * scale);
          }
        }
      }
    }
    List<Alternative> result = new ArrayList<>();
    alternatives.forEach((text, weight) -> result.add(new Alternative(text, weight)));
    result.sort((a, b) -> Float.compare(b.weight(), a.weight()));
    return result.size() > maxAlternatives ? List.copyOf(result.subList(0, maxAlternatives)) : result;
  }

  private static void add(Map<String, Float> alternatives, String own, String text, float weight) {
    if (weight <= 0) {
      return;
    }
    String key = text.strip().toLowerCase(Locale.ROOT);
    if (key.isEmpty() || key.equals(own)) {
      return;
    }
    alternatives.merge(key, weight, Math::max);
  }
}
