package org.raresearch.search.hits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.SymptomSynonyms;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.Snippet;
import org.raresearch.index.DiseaseText;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.StoredReports;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.SectionKind;
import org.raresearch.search.symptoms.FindingExpansion;
import org.raresearch.search.symptoms.SymptomRanking;
import org.raresearch.testing.BundledIndex;

/**
 * {@link HitHighlighter#distinctLeaves}: on the bundled index, the flattened query finds exactly the
 * matches the symptom query finds, in every field of every disease, with far fewer clauses.
 */
class DistinctLeavesTest {
  private static Directory directory;
  private static DirectoryReader reader;
  private static IndexSearcher searcher;
  private static final Map<Integer, DiseaseText> texts = new HashMap<>();
  private static final List<String> queries = new ArrayList<>(List.of(
      "heliotrope rash, proximal muscle weakness, trouble climbing stairs",
      "\"muscle weakness\", fever, joint pain",
      "dermatomyocitis rash, mechanics hands",
      "joint pain, no fever, not ataxia",
      "shortness of breath; dysphagia; raynaud phenomenon; interstitial lung disease"));

  @BeforeAll
  static void open() throws IOException {
    directory = FSDirectory.open(BundledIndex.path());
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
    for (int doc = 0; doc < reader.maxDoc(); doc++) {
      String[] members = reader.storedFields().document(doc, Set.of(IndexSchema.MEMBER)).getValues(IndexSchema.MEMBER);
      if (members.length > 0) {
        List<DiseaseReport> reports = StoredReports.all(reader, List.of(members));
        texts.put(doc, DiseaseText.of(reports));
        // Real report text as queries too: the first words of each disease's signs and symptoms.
        String signs = reports.getFirst().section(SectionKind.SIGNS_AND_SYMPTOMS);
        if (signs != null && !signs.isBlank() && queries.size() < 12) {
          String[] words = signs.split("\\s+");
          queries.add(String.join(" ", Arrays.copyOf(words, Math.min(words.length, 30))).replace("null", ""));
        }
      }
    }
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void flattenedQuery_findsTheSameMatches_inEveryFieldOfEveryDisease() throws IOException {
    SymptomRanking ranking = new SymptomRanking(Analyzers.textQuery(SymptomSynonyms.defaults()), RankingConfig.defaults(), FindingExpansion.NONE, null);
    String[] fields = highlightedFields();
    int[] docs = texts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    int compared = 0;
    for (String text : queries) {
      Query query = searcher.rewrite(ranking.prepare(text).textQuery());
      Query flat = HitHighlighter.distinctLeaves(query);

      assertInstanceOf(BooleanQuery.class, flat, text);
      assertTrue(terms(flat) * 3 < terms(query), text + ": " + terms(flat) + " terms of " + terms(query));
      Map<String, Object[]> expected = allMatches(query, fields, docs);
      Map<String, Object[]> actual = allMatches(flat, fields, docs);
      for (String field : fields) {
        for (int i = 0; i < docs.length; i++) {
          assertEquals(expected.get(field)[i], actual.get(field)[i], text + " in " + field + " of doc " + docs[i]);
          if (expected.get(field)[i] != null) {
            compared++;
          }
        }
      }
    }
    assertTrue(compared > 100, "fields with matches compared: " + compared);
  }

  @Test
  void queryThatExcludesOrMatchesByPattern_isKeptAsItIs() {
    Query excluding = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.TITLE, "ataxia")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(IndexSchema.TITLE, "fever")), BooleanClause.Occur.MUST_NOT)
        .build();
    assertSame(excluding, HitHighlighter.distinctLeaves(excluding));
    Query pattern = new WildcardQuery(new Term(IndexSchema.TITLE, "atax*"));
    assertSame(pattern, HitHighlighter.distinctLeaves(pattern));
  }

  @Test
  void sameWordInManyFields_becomesOneClause() {
    Query query = new BooleanQuery.Builder()
        .add(new TermQuery(new Term(IndexSchema.TITLE, "ataxia")), BooleanClause.Occur.SHOULD)
        .add(new TermQuery(new Term(IndexSchema.SYNONYMS, "ataxia")), BooleanClause.Occur.MUST)
        .add(new TermQuery(new Term(IndexSchema.SUBDIVISIONS, "ataxia")), BooleanClause.Occur.FILTER)
        .build();
    Query flat = HitHighlighter.distinctLeaves(query);
    assertEquals(1, terms(flat), flat.toString());
    assertFalse(flat.equals(query));
  }

  @Test
  void mostInformative_amongAsManyNewWords_prefersTheWordsTheQueryRepeats() {
    Snippet skin = snippet("Signs & Symptoms", "A skin rash is not part of the disease.", "skin rash");
    Snippet heliotrope = snippet("Related Disorders", "Dermatomyositis is marked by a heliotrope rash.", "heliotrope rash");
    List<Snippet> candidates = new ArrayList<>(List.of(skin));
    for (String words : List.of("proximal weakness", "climbing stairs", "muscle pain")) {
      candidates.add(snippet("Signs & Symptoms", "Some " + words + " here.", words));
    }
    candidates.add(heliotrope);

    List<Snippet> usersWords = HitHighlighter.mostInformative(candidates, Map.of("heliotrop", 5, "rash", 5, "skin", 1));
    assertTrue(usersWords.contains(heliotrope) && !usersWords.contains(skin), usersWords.toString());
    List<Snippet> synonymsWords = HitHighlighter.mostInformative(candidates, Map.of("heliotrop", 1, "rash", 5, "skin", 5));
    assertTrue(synonymsWords.contains(skin) && !synonymsWords.contains(heliotrope), synonymsWords.toString());
    assertEquals(4, usersWords.size());
    assertEquals(4, synonymsWords.size());
  }

  private static Snippet snippet(String section, String text, String highlighted) {
    int start = text.indexOf(highlighted);
    return new Snippet(section, text, List.of(new Snippet.Span(start, start + highlighted.length())));
  }

  private static String[] highlightedFields() {
    List<String> fields = new ArrayList<>(List.of(IndexSchema.TITLE, IndexSchema.SYNONYMS, IndexSchema.SUBDIVISIONS));
    fields.addAll(IndexSchema.sectionFields());
    return fields.toArray(String[]::new);
  }

  /** Every match in every passage, as sorted start-end offsets, per field and document (null: none). */
  private static Map<String, Object[]> allMatches(Query query, String[] fields, int[] docs) throws IOException {
    HitHighlighter.ObjectHighlighter highlighter = new HitHighlighter.ObjectHighlighter(
        UnifiedHighlighter.builder(searcher, IndexSchema.indexAnalyzer())
            .withFormatter(new AllMatches())
            .withMaxNoHighlightPassages(0)
            .withFieldMatcher(field -> true)
            .withHighlightPhrasesStrictly(true)
            .withMaxLength(100_000),
        texts);
    int[] maxPassages = new int[fields.length];
    Arrays.fill(maxPassages, 10_000);
    return highlighter.highlight(fields, query, docs, maxPassages);
  }

  private static int terms(Query query) {
    int[] count = {0};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        count[0] += terms.length;
      }
    });
    return count[0];
  }

  private static final class AllMatches extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      Set<String> offsets = new TreeSet<>();
      for (Passage passage : passages) {
        for (int i = 0; i < passage.getNumMatches(); i++) {
          offsets.add(passage.getMatchStarts()[i] + "-" + passage.getMatchEnds()[i]);
        }
      }
      return offsets.isEmpty() ? null : List.copyOf(offsets);
    }
  }
}
