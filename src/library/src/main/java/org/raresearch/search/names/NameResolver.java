package org.raresearch.search.names;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.raresearch.analysis.NameKeys;
import org.raresearch.api.NameMatch;
import org.raresearch.api.NameMatch.Kind;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.index.IndexSchema;
import org.raresearch.query.QueryText;
import org.raresearch.search.queries.NearTerms;
import org.raresearch.search.queries.ReachableFuzzyQuery;

/**
 * Resolves a disease name (an alternate name, an abbreviation, a misspelling) to the reports it
 * names. Matching goes from the surest to the loosest and stops at the first step that finds
 * something:
 *
 * <ol>
 *   <li>the whole name equals one of a report's names once both are normalised (case, accents,
 *       hyphens, possessives, plurals, roman numerals, the filler word "type"): confidence 1 when
 *       written exactly alike, 0.95 otherwise. A name shared by several reports returns all of
 *       them;
 *   <li>the name has the words of one of a report's names in another order ("Lipodystrophy,
 *       congenital generalized, type 2"): confidence 0.9;
 *   <li>the whole normalised name is within one or two edits of a report's name (a typo), the
 *       name's words that hold digits kept (they number subtypes: "CLN1" and "CLN2" are two
 *       diseases, "Omodysplasia 1" is not "Omodysplasia"): confidence from the edit similarity;
 *   <li>the name's words, each allowing a typo, against the words of the reports' names ({@link
 *       NameWords}): confidence from how much of the two names' words, weighed by how rare they are
 *       among names, match.
 * </ol>
 *
 * In every step, a report that lists the name only among its subdivisions is a less sure answer
 * than a report whose title or synonym it is ({@link ReportNames.Name#weight()}). Reports of one
 * disease from linked sources (see {@link IndexSchema#DISEASE_KEY}) are returned once, as the
 * surest of them, listing all of them in {@link NameMatch#sourceIds()}.
 *
 * Thread-safe: the searcher is passed to each call.
 */
public final class NameResolver {
  private static final int CANDIDATES = 50;
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance();

  /**
   * The surest match first; among equally sure ones, a report's title before a synonym before a
   * subdivision (the title is the report's own name; a synonym may also be another report's former
   * or broader name), then by report id.
   */
  private static final Comparator<NameMatch> SUREST_FIRST = Comparator.comparingDouble(NameMatch::confidence).reversed()
      .thenComparing(m -> m.kind() == Kind.ABBREVIATION ? Kind.SYNONYM : m.kind())
      .thenComparing(NameMatch::id);

  private final NameWords words = new NameWords();

  /**
   * Resolves {@code name} against the index behind {@code searcher}.
   *
   * @param limit the most candidates to return
   * @return candidates, surest first (ties by report id)
   * @throws InvalidQueryException when the name is blank, too long, or has no letters or digits
   */
  public List<NameMatch> resolve(IndexSearcher searcher, String name, int limit) throws IOException {
    String cleaned = QueryText.clean(name, QueryText.MAX_NAME_CHARS, "name");
    String key = NameKeys.of(cleaned);
    if (key.isEmpty()) {
      throw new InvalidQueryException("the name " + org.raresearch.errors.Excerpt.quoted(cleaned) + " has no letters or digits to look up");
    }
    List<NameMatch> matches = exact(searcher, cleaned, key);
    if (matches.isEmpty()) {
      matches = reordered(searcher, NameKeys.bagOf(cleaned));
    }
    if (matches.isEmpty() && key.length() >= 4) {
      matches = nearMisses(searcher, key);
    }
    if (matches.isEmpty()) {
      matches = words.match(searcher, key);
    }
    List<NameMatch> surestFirst = new ArrayList<>(matches);
    surestFirst.sort(SUREST_FIRST);
    return LinkedReports.collapse(searcher, surestFirst, limit);
  }

  private List<NameMatch> exact(IndexSearcher searcher, String written, String key) throws IOException {
    return bestNames(searcher, new TermQuery(new Term(IndexSchema.NAME_KEY, key)), 1000, (name, variant) -> {
      if (!NameKeys.of(variant).equals(key)) {
        return null;
      }
      return new Scored(name.kind(), name.text().equals(written) ? 1.0 : 0.95);
    });
  }

  private List<NameMatch> reordered(IndexSearcher searcher, String bag) throws IOException {
    return bestNames(searcher, new TermQuery(new Term(IndexSchema.NAME_BAG, bag)), 1000,
        (name, variant) -> NameKeys.bagOf(variant).equals(bag) ? new Scored(Kind.REORDERED, 0.9) : null);
  }

  private List<NameMatch> nearMisses(IndexSearcher searcher, String key) throws IOException {
    int edits = key.length() >= 8 ? 2 : 1;
    int[] target = key.codePoints().toArray();
    NearTerms.EditDistance distance = new NearTerms.EditDistance(target, 1, edits, true);
    List<String> numbered = numbered(key);
    Query query = new ReachableFuzzyQuery(new Term(IndexSchema.NAME_KEY, key), edits, 1, 50, true);
    return bestNames(searcher, query, CANDIDATES, (name, variant) -> {
      String variantKey = NameKeys.of(variant);
      // Only the report's names within reach, as the fuzzy query found them, and keeping the
      // numbers the name has: a number written is a subtype meant ("CLN1" is not "CLN2").
      if (Math.abs(variantKey.length() - key.length()) > edits
          || variantKey.codePointAt(0) != target[0]
          || distance.to(variantKey.codePoints().toArray(), variantKey.codePointCount(0, variantKey.length())) > edits
          || !(numbered.isEmpty() || numbered(variantKey).equals(numbered))) {
        return null;
      }
      return new Scored(Kind.NEAR_MISS, 0.9 * LEVENSHTEIN.getDistance(key, variantKey));
    });
  }

  /** The words of a name key that hold a digit, in order. */
  private static List<String> numbered(String key) {
    List<String> numbered = new ArrayList<>(2);
    for (String word : key.split(" ")) {
      if (word.chars().anyMatch(Character::isDigit)) {
        numbered.add(word);
      }
    }
    return numbered;
  }

  /** How one form of a name matched, before its weight as a name of the report. */
  private record Scored(Kind kind, double confidence) {}

  /** Scores one form of one of a report's names ({@link NameKeys#variants}), or says it does not match. */
  @FunctionalInterface
  private interface NameScorer {
    Scored score(ReportNames.Name name, String variant);
  }

  /** Each report {@code query} finds, matched through its best-scoring name. */
  private static List<NameMatch> bestNames(IndexSearcher searcher, Query query, int candidates, NameScorer scorer) throws IOException {
    List<NameMatch> matches = new ArrayList<>();
    TopDocs top = searcher.search(query, candidates, IndexSchema.BY_SCORE_THEN_ID);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      ReportNames report = ReportNames.load(stored, hit.doc);
      NameMatch best = null;
      for (ReportNames.Name name : report.names()) {
        for (String variant : NameKeys.variants(name.text())) {
          Scored scored = scorer.score(name, variant);
          if (scored != null && (best == null || scored.confidence() * name.weight() > best.confidence())) {
            best = name.match(report, scored.kind(), scored.confidence());
          }
        }
      }
      if (best != null) {
        matches.add(best);
      }
    }
    return matches;
  }
}
