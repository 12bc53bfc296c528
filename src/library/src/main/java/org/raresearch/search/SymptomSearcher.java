package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.raresearch.RankingConfig;
import org.raresearch.ScoredId;
import org.raresearch.SearchHit;
import org.raresearch.SearchResults;
import org.raresearch.index.IndexSchema;
import org.raresearch.report.SectionKind;

/**
 * Runs symptom queries against an index: ranks reports with {@link SymptomQueryBuilder}, breaks
 * ties by report id so results are stable, and explains each hit with the sections it matched and
 * highlighted snippets. Thread-safe: the searcher is passed to each call.
 */
public final class SymptomSearcher {
  /** At most this many candidates beyond the limit, to fill the places of linked duplicates. */
  private static final int MAX_EXTRA_CANDIDATES = 20;

  private static final Sort RANKING =
      new Sort(SortField.FIELD_SCORE, new SortField(IndexSchema.ID, SortField.Type.STRING));

  private final SymptomQueryBuilder queries;
  private final HitHighlighter highlighter;

  /**
   * @param queryAnalyzer the analyzer for query text, with synonyms
   * @param config the ranking settings
   */
  public SymptomSearcher(Analyzer queryAnalyzer, RankingConfig config) {
    this(queryAnalyzer, config, FindingExpansion.NONE);
  }

  /**
   * @param queryAnalyzer the analyzer for query text, with synonyms
   * @param config the ranking settings
   * @param expansion further alternatives for each finding, e.g. HPO terms
   */
  public SymptomSearcher(Analyzer queryAnalyzer, RankingConfig config, FindingExpansion expansion) {
    this.queries = new SymptomQueryBuilder(queryAnalyzer, config, expansion);
    // Every stored field a query's words may be found in; the highlighter looks for the query's
    // words in each, whichever field the query named them for.
    // Most telling first: names, then what the disease looks like, then the other sections.
    List<String> fields = new ArrayList<>(List.of(
        IndexSchema.TITLE,
        IndexSchema.SYNONYMS,
        IndexSchema.SUBDIVISIONS,
        IndexSchema.sectionField(SectionKind.SIGNS_AND_SYMPTOMS),
        IndexSchema.sectionField(SectionKind.GENERAL_DISCUSSION)));
    for (String field : IndexSchema.sectionFields()) {
      if (!fields.contains(field) && !field.equals(IndexSchema.sectionField(SectionKind.REFERENCES))) {
        fields.add(field);
      }
    }
    this.highlighter = new HitHighlighter(fields);
  }

  /**
   * Ranked hits with matched sections and snippets. Reports of one disease from linked sources are
   * one hit, the best-ranked one, listing the others in {@link SearchHit#sourceIds()}.
   */
  public SearchResults search(IndexSearcher searcher, String query, int limit) throws IOException {
    SymptomQueryBuilder.Built built = queries.build(query);
    // Rewritten once for all: the highlighter rewrites its query for every hit and field.
    Query rewritten = searcher.rewrite(built.query());
    // Some candidates may be the same disease as a better one; a few more keep the list full.
    int candidates = limit + Math.min(limit, MAX_EXTRA_CANDIDATES);
    TopFieldDocs top = searcher.search(rewritten, candidates, RANKING, false);
    StoredFields stored = searcher.storedFields();
    List<ScoreDoc> kept = new ArrayList<>(limit);
    List<String> titles = new ArrayList<>(limit);
    List<List<String>> sourceIds = new ArrayList<>(limit);
    Set<String> covered = new HashSet<>();
    for (ScoreDoc hit : top.scoreDocs) {
      if (kept.size() == limit) {
        break;
      }
      var fields = stored.document(hit.doc, Set.of(IndexSchema.ID, IndexSchema.TITLE, IndexSchema.DISEASE_KEY));
      String id = fields.get(IndexSchema.ID);
      if (covered.contains(id)) {
        continue;
      }
      // Only reports with an accession (imported or ORPHA_/OMIM_ files) can have linked reports.
      List<String> linked = fields.getValues(IndexSchema.DISEASE_KEY).length == 0
          ? List.of(id)
          : LinkedReports.linkedIds(searcher, id);
      covered.addAll(linked);
      kept.add(hit);
      titles.add(fields.get(IndexSchema.TITLE));
      sourceIds.add(linked);
    }
    int[] docs = new int[kept.size()];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = kept.get(i).doc;
    }
    List<HitHighlighter.Highlighted> highlights = highlighter.highlight(searcher, rewritten, docs);
    List<SearchHit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      HitHighlighter.Highlighted h = highlights.get(i);
      List<String> ids = sourceIds.get(i);
      hits.add(new SearchHit(ids.getFirst(), titles.get(i), score(kept.get(i)), h.sections(), h.snippets(), ids));
    }
    return new SearchResults(hits, top.totalHits.value(), built.truncated());
  }

  /** Ranked report ids only: the fast path for evaluation runs. */
  public List<ScoredId> rank(IndexSearcher searcher, String query, int limit) throws IOException {
    SymptomQueryBuilder.Built built = queries.build(query);
    TopFieldDocs top = searcher.search(built.query(), limit, RANKING, false);
    StoredFields stored = searcher.storedFields();
    List<ScoredId> ids = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      ids.add(new ScoredId(stored.document(doc.doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID), score(doc)));
    }
    return ids;
  }

  /**
   * A hit's score, as ranked: the first sort value. (Asking Lucene to fill in scores would score the
   * top hits all over again, with a new weight for the whole query: a third of a query's time.)
   */
  private static float score(ScoreDoc hit) {
    return (Float) ((FieldDoc) hit).fields[0];
  }
}
