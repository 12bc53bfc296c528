package org.raresearch.search.hits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.raresearch.analysis.Analyzers;
import org.raresearch.api.Snippet;
import org.raresearch.index.DiseaseText;
import org.raresearch.index.IndexSchema;

/**
 * Finds, for each hit, the sections a query matched and the best passages in them, using Lucene's
 * {@link UnifiedHighlighter} over the offsets stored in the postings.
 */
final class HitHighlighter {
  private static final int PASSAGES_PER_FIELD = 4;
  private static final int MAX_SNIPPETS = 4;

  private final List<String> fields;

  /** @param fields the fields to look for matches in, most telling first */
  HitHighlighter(List<String> fields) {
    this.fields = List.copyOf(fields);
  }

  /**
   * For each disease document, in order: the matched sections and the snippets.
   *
   * @param texts the text of each document, made from its stored reports: what the snippets are taken from
   */
  List<Highlighted> highlight(IndexSearcher searcher, Query query, int[] docs, List<DiseaseText> diseaseTexts) throws IOException {
    List<Highlighted> result = new ArrayList<>(docs.length);
    if (docs.length == 0) {
      return result;
    }
    Map<Integer, DiseaseText> texts = new HashMap<>();
    for (int i = 0; i < docs.length; i++) {
      texts.put(docs[i], diseaseTexts.get(i));
    }
    Flattened flattened = flatten(query);
    ObjectHighlighter highlighter =
        new ObjectHighlighter(
            UnifiedHighlighter.builder(searcher, IndexSchema.indexAnalyzer())
                .withFormatter(new SnippetFormatter())
                .withMaxNoHighlightPassages(0)
                .withFieldMatcher(field -> true)
                .withHighlightPhrasesStrictly(true)
                .withMaxLength(100_000),
            texts);
    String[] fieldArray = fields.toArray(String[]::new);
    int[] maxPassages = new int[fieldArray.length];
    Arrays.fill(maxPassages, PASSAGES_PER_FIELD);
    int[] sortedDocs = docs.clone();
    Arrays.sort(sortedDocs);
    Map<String, Object[]> byField = highlighter.highlight(fieldArray, flattened.query(), sortedDocs, maxPassages);
    for (int doc : docs) {
      int at = Arrays.binarySearch(sortedDocs, doc);
      List<String> sections = new ArrayList<>();
      List<Snippet> candidates = new ArrayList<>();
      for (String field : fields) {
        Object value = byField.get(field)[at];
        if (value instanceof List<?> list && !list.isEmpty()) {
          String section = IndexSchema.displayName(field);
          sections.add(section);
          for (Object o : list) {
            Snippet s = (Snippet) o;
            if (!s.highlights().isEmpty()) {
              candidates.add(new Snippet(section, s.text(), s.highlights()));
            }
          }
        }
      }
      result.add(new Highlighted(sections, mostInformative(candidates, flattened.copies())));
    }
    return result;
  }

  /**
   * The query's matching units, each once, as one flat disjunction: what the highlighter finds in a
   * hit's text is the same, for a fraction of the work. The highlighter builds a weight of its query
   * for every hit and field, seeking every term; a symptom query names each word in every field of
   * its combined-field clauses and again in each finding's variants, ~850 terms for ~35 distinct
   * words. Since every field's matches are looked for in every field, a word's field does not matter;
   * a phrase stays a phrase, with its slop. The query itself is returned when it holds a kind of
   * clause this does not know, or one that excludes.
   */
  static Query distinctLeaves(Query query) {
    return flatten(query).query();
  }

  /**
   * A query to highlight with, and how many clauses of the original query each of its matching
   * units (a word, or a phrase's words joined by spaces) stood for: the user's own words recur in a
   * symptom query's clauses, a synonym's words once or twice.
   */
  record Flattened(Query query, Map<String, Integer> copies) {}

  static Flattened flatten(Query query) {
    Map<String, Integer> words = new LinkedHashMap<>();
    Map<Query, Integer> phrases = new LinkedHashMap<>();
    boolean[] flattenable = {true};
    query.visit(new QueryVisitor() {
      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        if (occur == BooleanClause.Occur.MUST_NOT) {
          flattenable[0] = false;
        }
        return this;
      }

      @Override
      public void consumeTerms(Query leaf, Term... terms) {
        switch (leaf) {
          case TermQuery t -> words.merge(t.getTerm().text(), 1, Integer::sum);
          case CombinedFieldQuery c -> Arrays.stream(terms).map(Term::text).distinct().forEach(w -> words.merge(w, 1, Integer::sum));
          case SynonymQuery synonyms -> Arrays.stream(terms).forEach(term -> words.merge(term.text(), 1, Integer::sum));
          case PhraseQuery phrase -> phrases.merge(inOneField(phrase), 1, Integer::sum);
          default -> flattenable[0] = false;
        }
      }

      @Override
      public void consumeTermsMatching(Query leaf, String field, java.util.function.Supplier<ByteRunAutomaton> automaton) {
        flattenable[0] = false;
      }

      @Override
      public void visitLeaf(Query leaf) {
        if (!(leaf instanceof MatchNoDocsQuery)) {
          flattenable[0] = false;
        }
      }
    });
    if (!flattenable[0]) {
      return new Flattened(query, Map.of());
    }
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    Map<String, Integer> copies = new HashMap<>(words);
    words.keySet().forEach(word -> flat.add(new TermQuery(new Term(ANY_FIELD, word)), BooleanClause.Occur.SHOULD));
    phrases.forEach((phrase, count) -> {
      flat.add(phrase, BooleanClause.Occur.SHOULD);
      copies.merge(Arrays.stream(((PhraseQuery) phrase).getTerms()).map(Term::text).collect(Collectors.joining(" ")), count, Integer::sum);
    });
    return new Flattened(flat.build(), Map.copyOf(copies));
  }

  /** The field flattened clauses name: any one, since the highlighter looks for every field's words in each. */
  private static final String ANY_FIELD = IndexSchema.TITLE;

  private static PhraseQuery inOneField(PhraseQuery phrase) {
    PhraseQuery.Builder builder = new PhraseQuery.Builder().setSlop(phrase.getSlop());
    Term[] terms = phrase.getTerms();
    int[] positions = phrase.getPositions();
    for (int i = 0; i < terms.length; i++) {
      builder.add(new Term(ANY_FIELD, terms[i].bytes()), positions[i]);
    }
    return builder.build();
  }

  /**
   * Picks snippets that together show as many different matched words as possible, in section
   * order: a hit is better explained by its heliotrope rash and its proximal weakness than by two
   * mentions of "muscles". Between snippets showing as many new words, the one whose words the
   * query repeats most ({@code copies}, by analysed form) wins: the user's own words come before a
   * synonym's ("heliotrope rash" before "skin rash").
   */
  static List<Snippet> mostInformative(List<Snippet> candidates, Map<String, Integer> copies) {
    List<Snippet> chosen = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    List<Set<String>> words = candidates.stream().map(HitHighlighter::matchedWords).toList();
    boolean[] taken = new boolean[candidates.size()];
    while (chosen.size() < MAX_SNIPPETS) {
      int best = -1;
      long bestGain = 0;
      for (int i = 0; i < candidates.size(); i++) {
        if (!taken[i]) {
          // New words first; among as many, the words the query repeats most (the user's own).
          List<String> fresh = words.get(i).stream().filter(w -> !shown.contains(w)).toList();
          long gain = fresh.isEmpty() ? 0 : fresh.size() * 1_000_000L + fresh.stream().mapToInt(w -> copies.getOrDefault(w, 1)).sum();
          if (gain > bestGain) {
            best = i;
            bestGain = gain;
          }
        }
      }
      if (best < 0) {
        break;
      }
      taken[best] = true;
      shown.addAll(words.get(best));
      chosen.add(candidates.get(best));
    }
    // Keep the report's own order of sections and passages.
    chosen.sort(Comparator.comparingInt(candidates::indexOf));
    return chosen;
  }

  /** The highlighted words of a snippet, as the text analyzer makes them ("rashes" is "rash"). */
  private static Set<String> matchedWords(Snippet snippet) {
    Set<String> words = new HashSet<>();
    for (Snippet.Span span : snippet.highlights()) {
      words.addAll(Analyzers.tokens(WORDS, "snippet", snippet.text().substring(span.start(), span.end())));
    }
    return words;
  }

  private static final Analyzer WORDS = Analyzers.text();

  /**
   * Exposes the highlighter's formatter objects (our snippets) rather than strings, and reads the
   * text of the fields from the diseases' stored reports, where it is stored once.
   */
  static final class ObjectHighlighter extends UnifiedHighlighter {
    private final Map<Integer, DiseaseText> texts;

    ObjectHighlighter(UnifiedHighlighter.Builder builder, Map<Integer, DiseaseText> texts) {
      super(builder);
      this.texts = texts;
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
        throws IOException {
      List<CharSequence[]> values = new ArrayList<>();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        DiseaseText text = texts.get(doc);
        CharSequence[] byField = new CharSequence[fields.length];
        for (int i = 0; i < fields.length; i++) {
          // Joined as the index joined them: offsets of later values count the separator.
          byField[i] = String.join(String.valueOf(MULTIVAL_SEP_CHAR), text.values(fields[i]));
        }
        values.add(byField);
      }
      return values;
    }

    Map<String, Object[]> highlight(String[] fields, Query query, int[] docs, int[] maxPassages) throws IOException {
      return highlightFieldsAsObjects(fields, query, docs, maxPassages);
    }
  }

  record Highlighted(List<String> sections, List<Snippet> snippets) {}
}
