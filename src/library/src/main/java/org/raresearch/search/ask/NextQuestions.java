package org.raresearch.search.ask;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.raresearch.api.Question;
import org.raresearch.api.ScoredId;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.PhenotypeProfile;
import org.raresearch.index.StoredReports;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.query.QueryReading;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;
import org.raresearch.vocabulary.RecognizedFinding;

/**
 * Chooses the findings to ask about next, by expected information gain over the top diseases of a
 * ranking.
 *
 * <p>The top {@value #CANDIDATES} diseases are taken as the possible diagnoses, each as likely as
 * the softmax of its score (at temperature {@link #temperature}). A disease has a term with the
 * share of its patients its annotations give, through the ontology: annotated with the term or a
 * more specific one (the most frequent of them), or, not annotated with either, with a small
 * share ({@value #UNANNOTATED}), since annotations are incomplete; an excluded annotation gives 0.
 * A patient who has a term says so with probability {@value #RECORDED} (records are incomplete).
 * The gain of asking about a term is the mutual information between the diagnosis and the yes/no
 * answer. Every term of the top diseases' profiles is a candidate, except what the query already
 * says: a term of its findings or an ancestor of one (implied), a term it excludes or a more
 * specific one, and the root, Phenotypic abnormality and the organ-system terms below it. Terms
 * are chosen best first, skipping one that is an ancestor or descendant of one already chosen.
 * Thread-safe.
 */
public final class NextQuestions {
  /** How many of the top diseases the questions are to tell apart. */
  public static final int CANDIDATES = 20;
  /**
   * How often a finding a patient has is said to be there: records are incomplete, so a "no" says
   * less than a "yes". On dev-symptoms' ask loop, 0.3 did less harm than 1 (S@10 0.216 against
   * 0.176; see docs/clinical-input.md), neither doing better than not asking.
   */
  static final double RECORDED = 0.3;
  /** The share of patients a disease is taken to have a term it is not annotated with. */
  static final double UNANNOTATED = 0.05;
  /**
   * The softmax temperature of the library's questions: with it, the top disease of a ranking is
   * about as likely as the next few together (see {@code docs/clinical-input.md}).
   */
  public static final double TEMPERATURE = 2.0;
  /** How many diseases each question lists. */
  static final int DISEASES_PER_QUESTION = 5;

  private final HpoOntology ontology;
  private final double temperature;

  /**
   * @param ontology the vocabulary of the index's annotations
   * @param temperature the softmax temperature that turns scores into probabilities
   */
  public NextQuestions(HpoOntology ontology, double temperature) {
    this.ontology = Objects.requireNonNull(ontology, "ontology");
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("the temperature must be positive, not " + temperature);
    }
    this.temperature = temperature;
  }

  /** One top disease: its probability, title and profile (term to share of patients). */
  private record Candidate(String id, String title, double probability, Map<String, Double> profile, Set<String> excluded) {}

  /**
   * The best questions for a query, given its top diseases.
   *
   * @param reader the index the diseases were ranked in
   * @param query the query as read
   * @param top the top diseases, best first, as many as {@value #CANDIDATES}
   * @param count the most questions to return
   * @return the questions, best first; empty when nothing tells the diseases apart
   */
  public List<Question> ask(IndexReader reader, QueryReading query, List<ScoredId> top, int count) throws IOException {
    if (top.size() < 2 || count < 1) {
      return List.of();
    }
    List<Candidate> candidates = candidates(reader, top);
    Set<String> implied = new HashSet<>();
    Set<String> excludedByQuery = new HashSet<>();
    for (QueryReading.Read read : query.findings()) {
      RecognizedFinding finding = read.recognized();
      for (RecognizedFinding.Term term : finding.terms()) {
        if (finding.excluded()) {
          excludedByQuery.add(term.term().id());
        } else {
          implied.addAll(ontology.lineage(term.term().id()));
        }
      }
    }
    Set<String> terms = new HashSet<>();
    candidates.forEach(c -> terms.addAll(c.profile().keySet()));
    double prior = entropy(candidates.stream().mapToDouble(Candidate::probability).toArray());
    record Scored(String id, double gain, double probability) {}
    List<Scored> scored = new ArrayList<>();
    for (String term : terms) {
      List<String> lineage = ontology.lineage(term);
      if (implied.contains(term) || lineage.size() < 4 || !lineage.contains(HpoOntology.PHENOTYPIC_ABNORMALITY)
          || lineage.stream().anyMatch(excludedByQuery::contains)) {
        continue;
      }
      double yes = 0;
      double[] ifYes = new double[candidates.size()];
      double[] ifNo = new double[candidates.size()];
      for (int i = 0; i < candidates.size(); i++) {
        Candidate c = candidates.get(i);
        double share = RECORDED * share(c, term, lineage);
        ifYes[i] = c.probability() * share;
        ifNo[i] = c.probability() * (1 - share);
        yes += ifYes[i];
      }
      double no = 1 - yes;
      if (yes <= 0 || no <= 0) {
        continue;
      }
      double gain = prior - yes * entropy(normalised(ifYes, yes)) - no * entropy(normalised(ifNo, no));
      if (gain > 1e-9) {
        scored.add(new Scored(term, gain, yes));
      }
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.gain()).thenComparing(Scored::id));
    List<Question> questions = new ArrayList<>();
    List<String> chosen = new ArrayList<>();
    for (Scored s : scored) {
      if (questions.size() == count) {
        break;
      }
      List<String> lineage = ontology.lineage(s.id());
      if (chosen.stream().anyMatch(other -> lineage.contains(other) || ontology.lineage(other).contains(s.id()))) {
        continue;
      }
      chosen.add(s.id());
      questions.add(question(s.id(), s.gain(), s.probability(), candidates));
    }
    return List.copyOf(questions);
  }

  private Question question(String term, double gain, double probability, List<Candidate> candidates) {
    List<Question.Disease> diseases = new ArrayList<>();
    for (Candidate c : candidates) {
      Double share = c.profile().get(term);
      if (share != null && share > 0 && diseases.size() < DISEASES_PER_QUESTION) {
        diseases.add(new Question.Disease(c.id(), c.title(), share));
      }
    }
    String label = ontology.term(term).map(HpoTerm::label).orElse(term);
    return new Question(term, label, gain, probability, diseases);
  }

  /** The share of a disease's patients with a term: 0 when it excludes the term or an ancestor. */
  private static double share(Candidate c, String term, List<String> lineage) {
    Double annotated = c.profile().get(term);
    if (annotated != null) {
      return Math.min(annotated, 1.0);
    }
    for (String ancestorOrSelf : lineage) {
      if (c.excluded().contains(ancestorOrSelf)) {
        return 0;
      }
    }
    return UNANNOTATED;
  }

  private List<Candidate> candidates(IndexReader reader, List<ScoredId> top) throws IOException {
    int n = Math.min(CANDIDATES, top.size());
    double best = top.getFirst().score();
    double[] weights = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      weights[i] = Math.exp((top.get(i).score() - best) / temperature);
      sum += weights[i];
    }
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String id = top.get(i).id();
      int doc = StoredReports.find(reader, new Term(IndexSchema.ID, id));
      String title = id;
      List<DiseaseReport> reports = List.of();
      if (doc >= 0) {
        Document fields = reader.storedFields().document(doc, Set.of(IndexSchema.TITLE, IndexSchema.MEMBER));
        title = fields.get(IndexSchema.TITLE) == null ? id : fields.get(IndexSchema.TITLE);
        reports = StoredReports.all(reader, List.of(fields.getValues(IndexSchema.MEMBER)));
      }
      Map<String, Double> profile = new HashMap<>();
      PhenotypeProfile.of(reports, ontology).frequencies().forEach((term, stored) -> profile.put(term, PhenotypeProfile.decode(stored)));
      Set<String> excluded = new HashSet<>();
      for (DiseaseReport report : reports) {
        for (PhenotypeAnnotation annotation : report.phenotypes()) {
          if (annotation.excluded()) {
            ontology.term(annotation.termId()).ifPresent(t -> excluded.add(t.id()));
          }
        }
      }
      candidates.add(new Candidate(id, title, weights[i] / sum, profile, excluded));
    }
    return candidates;
  }

  private static double[] normalised(double[] values, double total) {
    double[] result = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = values[i] / total;
    }
    return result;
  }

  /** Entropy in bits. */
  private static double entropy(double[] probabilities) {
    double h = 0;
    for (double p : probabilities) {
      if (p > 0) {
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }
}
