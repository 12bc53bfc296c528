package org.raresearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.raresearch.RareSearch;
import org.raresearch.errors.InvalidQueryException;

/**
 * The queries benchmarks run, by kind: disease names to resolve ({@link #NAME}) and symptom queries
 * of 1, 3 and 8 findings ({@code symptoms-1} ...). Names are titles of the generated reports (as
 * written, in lower case, or with two letters swapped) and synonyms of the seed reports; findings are
 * drawn from the seed reports' Signs &amp; Symptoms sections. Deterministic for a seed number.
 * Stored as {@code kind<TAB>query} lines so that forked benchmark JVMs read the same set.
 */
public final class BenchQueries {
  /** The kind of query that resolves a disease name. */
  public static final String NAME = "name";
  /** The numbers of findings per symptom query. */
  public static final List<Integer> FINDING_COUNTS = List.of(1, 3, 8);

  private final Map<String, List<String>> byKind;

  private BenchQueries(Map<String, List<String>> byKind) {
    this.byKind = byKind;
  }

  /** The kind of symptom query with {@code findings} findings, e.g. {@code symptoms-3}. */
  public static String symptoms(int findings) {
    return "symptoms-" + findings;
  }

  /** Every kind, names first. */
  public static List<String> kinds() {
    List<String> kinds = new ArrayList<>();
    kinds.add(NAME);
    FINDING_COUNTS.forEach(n -> kinds.add(symptoms(n)));
    return List.copyOf(kinds);
  }

  /**
   * Makes {@code perKind} queries of every kind for a generated corpus.
   *
   * @param generator the generator the corpus was made with
   * @param corpusSize how many reports the corpus holds (names are taken from all of them)
   * @param seed the seed number the corpus was made with
   */
  public static BenchQueries generate(CorpusGenerator generator, int corpusSize, long seed, int perKind) {
    Random random = new Random(seed ^ 0x5DEECE66DL);
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    List<String> synonyms = generator.seedSynonyms();
    List<String> names = new ArrayList<>(perKind);
    for (int i = 0; i < perKind; i++) {
      int roll = random.nextInt(10);
      if (roll < 2 && !synonyms.isEmpty()) {
        names.add(synonyms.get(random.nextInt(synonyms.size())));
        continue;
      }
      String title = generator.title(random.nextInt(corpusSize), seed);
      names.add(roll == 2 ? title.toLowerCase(Locale.ROOT) : roll == 3 ? swapTwoLetters(title, random) : title);
    }
    byKind.put(NAME, List.copyOf(names));
    List<String> phrases = generator.symptomPhrases();
    if (phrases.isEmpty()) {
      throw new IllegalArgumentException("the seed reports list no findings and have no Signs & Symptoms text to make symptom queries of");
    }
    for (int findings : FINDING_COUNTS) {
      List<String> queries = new ArrayList<>(perKind);
      for (int i = 0; i < perKind; i++) {
        List<String> picked = new ArrayList<>(findings);
        for (int f = 0; f < findings; f++) {
          picked.add(phrases.get(random.nextInt(phrases.size())));
        }
        queries.add(String.join(", ", picked));
      }
      byKind.put(symptoms(findings), List.copyOf(queries));
    }
    return new BenchQueries(byKind);
  }

  /**
   * These queries without the ones RareSearch refuses ({@link InvalidQueryException}: a phrase of
   * stop words, one that names only findings the patient does not have), so that every measured
   * query is answered. Generated phrases are cut from prose, where "with their" or "without
   * support" occur; the library, not a copy of its rules, says which are refused.
   *
   * @param rare the index the queries will be measured on
   */
  public BenchQueries answerableBy(RareSearch rare) {
    Map<String, List<String>> kept = new LinkedHashMap<>();
    byKind.forEach((kind, queries) -> {
      List<String> answerable = new ArrayList<>(queries.size());
      for (String query : queries) {
        try {
          answer(rare, kind, query, 1);
          answerable.add(query);
        } catch (InvalidQueryException refused) {
          // left out
        }
      }
      kept.put(kind, List.copyOf(answerable));
    });
    return new BenchQueries(kept);
  }

  /**
   * Answers one query of a kind with RareSearch: a name resolved, a symptom query ranked.
   *
   * @param rare the index to ask
   * @param kind {@link #NAME} or a {@link #symptoms(int)} kind
   * @param query the query
   * @param limit the most answers
   * @return what RareSearch returned
   */
  public static Object answer(RareSearch rare, String kind, String query, int limit) {
    return NAME.equals(kind) ? rare.resolve(query, limit) : rare.rank(query, limit);
  }

  /** The queries of one kind. */
  public List<String> of(String kind) {
    List<String> queries = byKind.get(kind);
    if (queries == null) {
      throw new IllegalArgumentException("no benchmark queries of kind " + kind + "; kinds are " + byKind.keySet());
    }
    return queries;
  }

  /** Writes the queries as {@code kind<TAB>query} lines. */
  public void write(Path file) throws IOException {
    List<String> lines = new ArrayList<>();
    byKind.forEach((kind, queries) -> queries.forEach(q -> lines.add(kind + "\t" + q)));
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /** Reads queries written by {@link #write}. */
  public static BenchQueries read(Path file) throws IOException {
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      int tab = line.indexOf('\t');
      if (tab <= 0) {
        throw new IOException(file + ":" + lineNo + ": expected kind<TAB>query");
      }
      byKind.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
    }
    return new BenchQueries(byKind);
  }

  /** A typo as users make them: two neighbouring letters swapped. */
  private static String swapTwoLetters(String name, Random random) {
    if (name.length() < 6) {
      return name;
    }
    int at = 1 + random.nextInt(name.length() - 3);
    char[] chars = name.toCharArray();
    char c = chars[at];
    chars[at] = chars[at + 1];
    chars[at + 1] = c;
    return new String(chars);
  }
}
