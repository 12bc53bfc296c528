package org.raresearch.search.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachableFuzzyQueryTest {
  private static final String FIELD = "key";

  @Test
  void matchesAndScoresExactlyAsTheFuzzyQuery_forRandomNamesAndTypos(@TempDir Path dir) throws Exception {
    Random random = new Random(20261125);
    List<String> keys = new ArrayList<>();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()).setMaxBufferedDocs(50))) {
      for (int i = 0; i < 600; i++) {
        // Some names recur, in other segments (their statistics add up across segments), and some
        // are a typo away from others, so that a query can reach more names than it keeps.
        String key = switch (i < 100 ? 0 : random.nextInt(4)) {
          case 1 -> keys.get(random.nextInt(keys.size()));
          case 2 -> typo(keys.get(random.nextInt(keys.size())), random, 1);
          default -> randomName(random);
        };
        keys.add(key);
        Document doc = new Document();
        doc.add(new StringField(FIELD, key, Field.Store.NO));
        doc.add(new StringField("n", Integer.toString(i), Field.Store.YES));
        writer.addDocument(doc);
      }
    }
    try (FSDirectory directory = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(directory)) {
      assertTrue(reader.leaves().size() > 1, "several segments");
      IndexSearcher searcher = new IndexSearcher(reader);
      int found = 0;
      int capped = 0;
      for (int q = 0; q < 400; q++) {
        String target = switch (q % 4) {
          case 0, 1 -> typo(keys.get(random.nextInt(keys.size())), random, 1 + random.nextInt(3));
          case 2 -> keys.get(random.nextInt(keys.size())) + " " + randomName(random).split(" ")[0];
          default -> randomName(random);
        };
        int edits = 1 + random.nextInt(2);
        int prefix = random.nextInt(3);
        int expansions = random.nextBoolean() ? 50 : 1 + random.nextInt(2);
        boolean transpositions = random.nextInt(4) > 0;
        Term term = new Term(FIELD, target);
        Map<String, Float> expected = hits(searcher, new FuzzyQuery(term, edits, prefix, expansions, transpositions));
        Map<String, Float> actual = hits(searcher, new ReachableFuzzyQuery(term, edits, prefix, expansions, transpositions));
        assertEquals(expected, actual,
            () -> "\"" + target + "\" within " + edits + " edits, prefix " + prefix + ", " + expansions + " terms, transpositions " + transpositions);
        found += expected.isEmpty() ? 0 : 1;
        if (expansions < 50 && hits(searcher, new FuzzyQuery(term, edits, prefix, 50, transpositions)).size() > expected.size()) {
          capped++;
        }
      }
      assertTrue(found > 100, "typos should find their names: " + found);
      assertTrue(capped > 3, "some queries should reach more terms than they keep: " + capped);
    }
  }

  @Test
  void textFarFromEveryName_rewritesToNoMatch_withoutTheFuzzyQuery(@TempDir Path dir) throws Exception {
    try (FSDirectory directory = FSDirectory.open(dir)) {
      try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer()))) {
        Document doc = new Document();
        doc.add(new StringField(FIELD, "dermatomyositis", Field.Store.NO));
        writer.addDocument(doc);
      }
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query far = new ReachableFuzzyQuery(new Term(FIELD, "droopy eyelid double vision"), 2, 1, 16, true);
        assertInstanceOf(MatchNoDocsQuery.class, searcher.rewrite(far));
        Query near = new ReachableFuzzyQuery(new Term(FIELD, "dermatomyocitis"), 2, 1, 16, true);
        assertEquals(1, searcher.count(near));
      }
    }
  }

  /** Each matching document's number with its score. */
  private static Map<String, Float> hits(IndexSearcher searcher, Query query) throws Exception {
    TopDocs top = searcher.search(query, 1000);
    Map<String, Float> scores = new TreeMap<>();
    for (ScoreDoc hit : top.scoreDocs) {
      scores.put(searcher.storedFields().document(hit.doc).get("n"), hit.score);
    }
    return scores;
  }

  private static String randomName(Random random) {
    // Mostly ASCII, as name keys are, with a few letters of two and three UTF-8 bytes.
    String letters = "aabcdeeefghiijklmnooprssttuvyzéøβ†";
    StringBuilder name = new StringBuilder();
    int words = 1 + random.nextInt(3);
    for (int w = 0; w < words; w++) {
      if (w > 0) {
        name.append(' ');
      }
      int length = 3 + random.nextInt(8);
      for (int i = 0; i < length; i++) {
        name.append(letters.charAt(random.nextInt(letters.length())));
      }
    }
    return name.toString();
  }

  /** Applies {@code edits} random insertions, deletions, substitutions or swaps, keeping the first letter. */
  private static String typo(String key, Random random, int edits) {
    StringBuilder text = new StringBuilder(key);
    for (int e = 0; e < edits && text.length() > 2; e++) {
      int at = 1 + random.nextInt(text.length() - 1);
      char c = random.nextInt(20) == 0 ? 'ü' : (char) ('a' + random.nextInt(26));
      switch (random.nextInt(4)) {
        case 0 -> text.insert(at, c);
        case 1 -> text.deleteCharAt(at);
        case 2 -> text.setCharAt(at, c);
        default -> {
          if (at + 1 < text.length()) {
            char first = text.charAt(at);
            text.setCharAt(at, text.charAt(at + 1));
            text.setCharAt(at + 1, first);
          }
        }
      }
    }
    return text.toString();
  }
}
