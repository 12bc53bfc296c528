package org.raresearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.raresearch.Snippet;
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
    Map<String, Object[]> byField = highlighter.highlight(fieldArray, distinctLeaves(query), sortedDocs, maxPassages);
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
      result.add(new Highlighted(sections, mostInformative(candidates)));
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
    Set<String> words = new LinkedHashSet<>();
    Set<Query> phrases = new LinkedHashSet<>();
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
          case TermQuery t -> words.add(t.getTerm().text());
          case CombinedFieldQuery c -> Arrays.stream(terms).forEach(term -> words.add(term.text()));
          case SynonymQuery synonyms -> Arrays.stream(terms).forEach(term -> words.add(term.text()));
          case PhraseQuery phrase -> phrases.add(inOneField(phrase));
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
      return query;
    }
    BooleanQuery.Builder flat = new BooleanQuery.Builder();
    words.forEach(word -> flat.add(new TermQuery(new Term(ANY_FIELD, word)), BooleanClause.Occur.SHOULD));
    phrases.forEach(phrase -> flat.add(phrase, BooleanClause.Occur.SHOULD));
    return flat.build();
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
   * mentions of "muscles".
   */
  static List<Snippet> mostInformative(List<Snippet> candidates) {
    List<Snippet> chosen = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    boolean[] taken = new boolean[candidates.size()];
    while (chosen.size() < MAX_SNIPPETS) {
      int best = -1;
      int bestGain = 0;
      for (int i = 0; i < candidates.size(); i++) {
        if (!taken[i]) {
          int gain = (int) matchedWords(candidates.get(i)).stream().filter(w -> !shown.contains(w)).count();
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
      shown.addAll(matchedWords(candidates.get(best)));
      chosen.add(candidates.get(best));
    }
    // Keep the report's own order of sections and passages.
    chosen.sort(Comparator.comparingInt(candidates::indexOf));
    return chosen;
  }

  private static Set<String> matchedWords(Snippet snippet) {
    Set<String> words = new HashSet<>();
    for (Snippet.Span span : snippet.highlights()) {
      for (String word : snippet.text().substring(span.start(), span.end()).toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
        if (!word.isEmpty()) {
          words.add(word.length() > 5 ? word.substring(0, 5) : word);
        }
      }
    }
    return words;
  }

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
