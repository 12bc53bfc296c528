package org.raresearch.search;

import org.raresearch.InvalidQueryException;

import org.raresearch.NameMatch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.raresearch.analysis.NameKeys;
import org.raresearch.index.IndexSchema;
import org.raresearch.NameMatch.Kind;

/**
 * Resolves a disease name (an alternate name, an abbreviation, a misspelling) to the reports it
 * names. Matching goes from the surest to the loosest and stops at the first step that finds
 * something:
 *
 * <ol>
 *   <li>the whole name equals one of a report's names once both are normalised (case, accents,
 *       hyphens, possessives, plurals, roman numerals): confidence 1 when written exactly alike,
 *       0.95 otherwise. A name shared by several reports returns all of them;
 *   <li>the whole normalised name is within one or two edits of a report's name (a typo): confidence
 *       from the edit similarity;
 *   <li>the name's words, each allowing a typo, against the words of the reports' names: confidence
 *       from how much of the two names' words overlap.
 * </ol>
 *
 * Reports of one disease from linked sources (see {@link IndexSchema#DISEASE_KEY}) are returned
 * once, as the surest of them, listing all of them in {@link NameMatch#sourceIds()}.
 *
 * Thread-safe: the searcher is passed to each call.
 */
public final class NameResolver {
  private static final int CANDIDATES = 50;
  /** The most distinct words of a name that are looked up. */
  private static final int MAX_NAME_WORDS = 32;
  private static final double MIN_CONFIDENCE = 0.25;
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance();
  /**
   * Candidates tied in score are cut off by report id, not by their place in the index, which
   * depends on the order reports were indexed in (in parallel, updated, ...).
   */
  private static final Sort BY_SCORE_THEN_ID =
      new Sort(SortField.FIELD_SCORE, new SortField(IndexSchema.ID, SortField.Type.STRING));

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
      throw new InvalidQueryException("the name \"" + cleaned + "\" has no letters or digits to look up");
    }
    List<NameMatch> matches = exact(searcher, cleaned, key);
    if (matches.isEmpty() && key.length() >= 4) {
      matches = nearMisses(searcher, key);
    }
    if (matches.isEmpty()) {
      matches = partial(searcher, key);
    }
    matches.sort(Comparator.comparingDouble(NameMatch::confidence).reversed().thenComparing(NameMatch::id));
    return LinkedReports.collapse(searcher, matches, limit);
  }

  private List<NameMatch> exact(IndexSearcher searcher, String written, String key) throws IOException {
    List<NameMatch> matches = new ArrayList<>();
    TopDocs top = searcher.search(new TermQuery(new Term(IndexSchema.NAME_KEY, key)), 1000, BY_SCORE_THEN_ID);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc hit : top.scoreDocs) {
      Names names = Names.load(stored, hit.doc);
      NamedAs best = null;
      for (NamedAs candidate : names.all()) {
        if (NameKeys.variants(candidate.name()).stream().anyMatch(v -> NameKeys.of(v).equals(key))) {
          double confidence = candidate.name().equals(written) ? 1.0 : 0.95;
          if (best == null || confidence > best.confidence) {
            best = new NamedAs(candidate.name(), candidate.kind(), confidence);
          }
        }
      }
      if (best != null) {
        matches.add(new NameMatch(names.id, names.title, best.name(), best.kind(), best.confidence));
      }
    }
    return matches;
  }

  private List<NameMatch> nearMisses(IndexSearcher searcher, String key) throws IOException {
    int edits = key.length() >= 8 ? 2 : 1;
    Query query = new ReachableFuzzyQuery(new Term(IndexSchema.NAME_KEY, key), edits, 1, 50, true);
    TopDocs top = searcher.search(query, CANDIDATES, BY_SCORE_THEN_ID);
    StoredFields stored = searcher.storedFields();
    List<NameMatch> matches = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      Names names = Names.load(stored, hit.doc);
      NamedAs best = null;
      for (NamedAs candidate : names.all()) {
        for (String variant : NameKeys.variants(candidate.name())) {
          String candidateKey = NameKeys.of(variant);
          // The fuzzy query found a name within `edits` of the key; a name whose length differs by
          // more is further away, so it cannot be the best, and measuring long names is costly.
          if (Math.abs(candidateKey.length() - key.length()) > edits) {
            continue;
          }
          double similarity = LEVENSHTEIN.getDistance(key, candidateKey);
          if (best == null || similarity > best.confidence) {
            best = new NamedAs(candidate.name(), candidate.kind(), similarity);
          }
        }
      }
      if (best != null && best.confidence > 0.5) {
        matches.add(new NameMatch(names.id, names.title, best.name(), Kind.NEAR_MISS, 0.9 * best.confidence));
      }
    }
    return matches;
  }

  private List<NameMatch> partial(IndexSearcher searcher, String key) throws IOException {
    List<String> words = List.of(key.split(" "));
    IndexReader reader = searcher.getIndexReader();
    // Words in the names of many reports ("disease", "syndrome", "type") cannot identify one.
    int generic = Math.max(5, reader.numDocs() / 20);
    List<String> specific = new ArrayList<>();
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    Set<String> distinct = new HashSet<>();
    for (String word : words) {
      if (!distinct.add(word)) {
        continue;
      }
      Term term = new Term(IndexSchema.NAMES, word);
      int docFreq = reader.docFreq(term);
      if (docFreq <= generic) {
        specific.add(word);
      }
      if (distinct.size() > MAX_NAME_WORDS) {
        continue;
      }
      query.add(new TermQuery(term), Occur.SHOULD);
      if (word.length() >= 5) {
        query.add(new BoostQuery(new ReachableFuzzyQuery(term, word.length() >= 8 ? 2 : 1, 1, 20, true), 0.5f), Occur.SHOULD);
      }
    }
    TopDocs top = searcher.search(query.build(), CANDIDATES, BY_SCORE_THEN_ID);
    StoredFields stored = searcher.storedFields();
    List<NameMatch> matches = new ArrayList<>();
    for (ScoreDoc hit : top.scoreDocs) {
      Names names = Names.load(stored, hit.doc);
      NamedAs best = null;
      for (NamedAs candidate : names.all()) {
        List<String> candidateWords = List.of(NameKeys.of(candidate.name()).split(" "));
        if (overlap(specific, candidateWords) == 0) {
          continue;
        }
        double overlap = overlap(words, candidateWords);
        if (best == null || overlap > best.confidence) {
          best = new NamedAs(candidate.name(), candidate.kind(), overlap);
        }
      }
      if (best != null && 0.8 * best.confidence >= MIN_CONFIDENCE) {
        matches.add(new NameMatch(names.id, names.title, best.name(), Kind.PARTIAL, 0.8 * best.confidence));
      }
    }
    return matches;
  }

  /**
   * Dice overlap of two word lists, where words within a typo of each other count as the same.
   */
  static double overlap(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    boolean[] used = new boolean[b.size()];
    double shared = 0;
    for (String word : a) {
      double best = 0;
      int bestAt = -1;
      for (int j = 0; j < b.size(); j++) {
        if (used[j]) {
          continue;
        }
        double s = word.equals(b.get(j)) ? 1 : (word.length() >= 5 && LEVENSHTEIN.getDistance(word, b.get(j)) >= 0.8 ? 0.8 : 0);
        if (s > best) {
          best = s;
          bestAt = j;
        }
      }
      if (bestAt >= 0) {
        used[bestAt] = true;
        shared += best;
      }
    }
    return 2 * shared / (a.size() + b.size());
  }

  private record NamedAs(String name, Kind kind, double confidence) {}

  /** The names of one indexed report, read from its stored fields. */
  private record Names(String id, String title, List<String> synonyms, List<String> subdivisions) {
    static Names load(StoredFields stored, int doc) throws IOException {
      var document = stored.document(doc, Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.SYNONYMS, IndexSchema.SUBDIVISIONS));
      return new Names(
          document.get(IndexSchema.ID),
          document.get(IndexSchema.TITLE),
          List.of(document.getValues(IndexSchema.SYNONYMS)),
          List.of(document.getValues(IndexSchema.SUBDIVISIONS)));
    }

    List<NamedAs> all() {
      Map<String, NamedAs> all = new LinkedHashMap<>();
      all.put(title, new NamedAs(title, Kind.TITLE, 0));
      for (String synonym : synonyms) {
        all.putIfAbsent(synonym, new NamedAs(synonym, isAbbreviation(synonym) ? Kind.ABBREVIATION : Kind.SYNONYM, 0));
      }
      for (String subdivision : subdivisions) {
        all.putIfAbsent(subdivision, new NamedAs(subdivision, Kind.SUBDIVISION, 0));
      }
      return List.copyOf(all.values());
    }
  }

  /** {@code IIM}, {@code GSD II}, {@code MPS-I}: short, mostly capitals, no lower-case word. */
  static boolean isAbbreviation(String name) {
    if (name.length() > 12) {
      return false;
    }
    int upper = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      if (Character.isUpperCase(c)) {
        upper++;
      }
    }
    return upper >= 2;
  }
}
