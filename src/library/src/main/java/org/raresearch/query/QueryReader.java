package org.raresearch.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.vocabulary.HpoTerm;
import org.raresearch.vocabulary.RecognizedFinding;
import org.raresearch.vocabulary.RecognizedFinding.How;
import org.raresearch.vocabulary.RecognizedFinding.Kind;

/**
 * Reads a symptom query into its findings ({@link QueryReading}): splits the text ({@link
 * QueryText}), tells which findings the patient lacks ({@link Negation}) and recognises each as
 * phenotype terms ({@link FindingRecognizer}) when there is a vocabulary.
 *
 * <p>A finding that starts with an HPO id ({@code HP:0001250}, {@code HP_0001250}, {@code
 * http://purl.obolibrary.org/obo/HP_0001250}), alone or followed by a label ({@code HP:0001250
 * Seizure}), is that id's term: the label written after it is not read. An alternative id is its
 * term's; the id of an obsolete term is the term that replaces it or, when the release names
 * none, the terms it says to consider. {@code no HP:0001945} and {@code without HP:0001945} are
 * findings the patient lacks. An id the vocabulary does not know, or any id when there is no
 * vocabulary, is kept as such ({@link Kind#UNKNOWN_ID}, {@link Kind#ID_WITHOUT_VOCABULARY}) and
 * never searched as words. Thread-safe.
 */
public final class QueryReader {
  /** A query's findings past this many are left out. */
  public static final int MAX_FINDINGS = 256;
  /** What the release suggests to consider for an obsolete term is not the same term: less sure. */
  private static final double CONSIDER_CONFIDENCE = 0.7;

  private static final Pattern ID = Pattern.compile(
      "(?i)^((?:https?://purl\\.obolibrary\\.org/obo/)?HP[:_][0-9]+)(?=$|[\\s(\\[:,;.\\-–—])");

  private final HpoOntology ontology;
  private final FindingRecognizer recognizer;

  /**
   * @param ontology the vocabulary findings are recognised in, or null when there is none (ids are
   *     then kept unread, and the patient lacks what a plain cue negates); its lookup tables are
   *     built here, once
   */
  public QueryReader(HpoOntology ontology) {
    this(ontology, false);
  }

  /**
   * @param ontology the vocabulary findings are recognised in, or null when there is none
   * @param clinicalCourse whether findings of onset and clinical course are recognised too ({@link
   *     FindingRecognizer#FindingRecognizer(HpoOntology, boolean)})
   */
  public QueryReader(HpoOntology ontology, boolean clinicalCourse) {
    this.ontology = ontology;
    this.recognizer = ontology == null ? null : new FindingRecognizer(ontology, clinicalCourse);
  }

  /**
   * Whether there is a vocabulary to recognise findings in.
   *
   * @return whether there is
   */
  public boolean hasVocabulary() {
    return ontology != null;
  }

  /**
   * Reads a query as typed.
   *
   * @param query findings separated by commas, semicolons, line breaks or sentences
   * @return the reading
   * @throws org.raresearch.errors.InvalidQueryException when the query is missing, blank or too long
   */
  public QueryReading read(String query) {
    String cleaned = QueryText.clean(query, QueryText.MAX_QUERY_CHARS, "query");
    List<QueryReading.Read> findings = new ArrayList<>();
    boolean truncated = false;
    for (QueryText.Finding finding : QueryText.findings(cleaned)) {
      if (findings.size() == MAX_FINDINGS) {
        truncated = true;
        break;
      }
      findings.add(new QueryReading.Read(recognize(finding.text()), finding.quoted()));
    }
    return new QueryReading(cleaned, findings, truncated);
  }

  /**
   * One finding as a structured case gives it.
   *
   * @param text an HPO id (optionally followed by a label) or words
   * @param excluded whether the patient lacks it
   */
  public record Written(String text, boolean excluded) {}

  /**
   * Reads the findings of a structured case, each as one finding (never split further).
   *
   * @param findings the findings, in order
   * @return the reading, its text the findings joined by semicolons
   * @throws org.raresearch.errors.InvalidQueryException when there is no finding, or the findings
   *     are longer together than a query may be
   */
  public QueryReading read(List<Written> findings) {
    List<QueryReading.Read> read = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    boolean truncated = false;
    for (Written written : findings) {
      String text = QueryText.clean(written.text(), QueryText.MAX_QUERY_CHARS, "finding").replace('\n', ' ');
      if (read.size() == MAX_FINDINGS) {
        truncated = true;
        break;
      }
      Matcher id = ID.matcher(text);
      RecognizedFinding finding;
      if (id.find()) {
        finding = id((written.excluded() ? "no " : "") + text, id.group(1), written.excluded());
      } else if (written.excluded()) {
        RecognizedFinding negated = recognize("no " + text);
        finding = new RecognizedFinding(negated.finding(), true, negated.terms(), negated.kind(), negated.id());
      } else {
        finding = recognize(text);
      }
      read.add(new QueryReading.Read(finding, false));
      texts.add(finding.finding());
    }
    String joined = String.join("; ", texts);
    return new QueryReading(QueryText.clean(joined, Integer.MAX_VALUE, "case's list of findings"), read, truncated);
  }

  /**
   * Reads one finding: words, or an HPO id as described above.
   *
   * @param finding one finding as written, such as {@code no fever} or {@code HP:0001250}
   * @return what it names
   */
  public RecognizedFinding recognize(String finding) {
    String text = finding.strip();
    String negated = Negation.withoutAnyCue(text);
    if (negated != null) {
      Matcher negatedId = ID.matcher(negated);
      if (negatedId.find()) {
        return id(text, negatedId.group(1), true);
      }
    }
    Matcher id = ID.matcher(text);
    if (id.find()) {
      return id(text, id.group(1), false);
    }
    if (recognizer == null) {
      return new RecognizedFinding(text, Negation.withoutPlainCue(text) != null, List.of());
    }
    return recognizer.recognize(text);
  }

  /**
   * Reads a finding given as an id, as a structured case gives it.
   *
   * @param id an HPO id in any form the text of a query may use
   * @param excluded whether the patient lacks it
   * @return what it names; {@link Kind#UNKNOWN_ID} when {@code id} is not an HPO id at all
   */
  public RecognizedFinding recognizeId(String id, boolean excluded) {
    String written = id.strip();
    return id((excluded ? "no " : "") + written, written, excluded);
  }

  private RecognizedFinding id(String finding, String written, boolean excluded) {
    Optional<String> canonical = HpoOntology.canonicalId(written);
    String id = canonical.orElse(written);
    if (ontology == null) {
      return new RecognizedFinding(finding, excluded, List.of(), Kind.ID_WITHOUT_VOCABULARY, id);
    }
    Optional<HpoTerm> term = canonical.flatMap(ontology::term);
    List<HpoTerm> current = canonical.isEmpty() ? List.of() : ontology.current(id);
    if (term.isEmpty() || current.isEmpty()) {
      return new RecognizedFinding(finding, excluded, List.of(), Kind.UNKNOWN_ID, id);
    }
    List<RecognizedFinding.Term> terms = new ArrayList<>();
    if (!term.get().obsolete()) {
      terms.add(new RecognizedFinding.Term(current.getFirst(), id, How.ID, 1.0));
    } else {
      double confidence = term.get().replacedBy().isEmpty() ? CONSIDER_CONFIDENCE : 1.0;
      for (HpoTerm replacement : current) {
        terms.add(new RecognizedFinding.Term(replacement, id, How.REPLACED_ID, confidence));
      }
    }
    return new RecognizedFinding(finding, excluded, terms, Kind.ID, id);
  }
}
