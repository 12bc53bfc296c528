package org.raresearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.FingerprintFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzers RareSearch indexes and searches with. Text fields and names are analysed
 * differently:
 *
 * <ul>
 *   <li>{@link #text()}: report text and symptom queries. Standard tokens, possessives dropped,
 *       lower case, accents folded, English stop words removed, Porter stems ({@code rashes} and
 *       {@code rash} meet), qualifier words marked ({@link QualifierWordFilter}).
 *   <li>{@link #textQuery(SynonymMap)}: the same, with lay and clinical synonyms expanded as a
 *       token graph before qualifier words are marked ({@code droopy eyelid} also searches {@code
 *       ptosis}).
 *   <li>{@link #name()}: disease names. Lower case, accents folded ({@code Sjögren}/{@code Sjogren}),
 *       possessives and plurals dropped ({@code Gottron's}/{@code Gottron}), hyphens split like
 *       spaces, roman numerals made arabic ({@code type II}/{@code type 2}); no stop words removed,
 *       since they distinguish names.
 *   <li>{@link #completion()}: names offered as completions. Lower case and accents folded only:
 *       a partly typed word must stay a prefix of the word it completes.
 *   <li>{@link #nameKey()}: the tokens that identify a name: {@link #name()} without the filler
 *       word "type" ({@link TypeFillerFilter}).
 *   <li>{@link #nameBag()}: the words of a name in alphabetical order, without repeats, as one
 *       token ({@code FingerprintFilter} after {@link #nameKey()}).
 *   <li>{@link #nameVariants()}: a whole name as one token, followed by the other forms it is
 *       known by ({@link ParentheticalVariantsFilter}).
 * </ul>
 *
 * <p>Every analyzer is thread-safe; each call returns a new one.
 */
public final class Analyzers {
  private static final int MAX_TOKEN_LENGTH = 255;
  private static final int POSITION_GAP = 100;

  private Analyzers() {}

  /**
   * Words that qualify a finding rather than name it (see {@link QualifierWordFilter}), as written;
   * {@link #qualifierTerms()} holds them as the text chain makes them.
   */
  static final String QUALIFIER_WORDS = "abnormal abnormality increased decreased elevated reduced low high level"
      + " concentration circulating morphology plasma serum count total proportion";

  /**
   * The analyzer of report text, on both the index and query sides (without synonyms).
   *
   * @return a new analyzer
   */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, new QualifierWordFilter(textChain(source), qualifierTerms()));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        // The values of a multi-valued field (synonyms, findings) never form a phrase together.
        return POSITION_GAP;
      }
    };
  }

  /**
   * The query-side analyzer of report text: the text chain, then synonym expansion, then qualifier
   * words marked.
   *
   * @param synonyms the lay and clinical synonyms ({@link SymptomSynonyms}); null or empty for none
   * @return a new analyzer, {@link #text()} when there are no synonyms
   */
  public static Analyzer textQuery(SynonymMap synonyms) {
    boolean expand = synonyms != null && synonyms.fst != null;
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        TokenStream words = textChain(source, QueryStopWords.SET);
        TokenStream expanded = expand ? new SynonymGraphFilter(words, synonyms, true) : words;
        return new TokenStreamComponents(source, new QualifierWordFilter(expanded, qualifierTerms()));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * Words of a case description that tell of the patient and the visit, not of the disease ("The
   * patient presented with ...", "Examination showed ..."): left out of a symptom query, as stop
   * words are, so that a finding written in a sentence counts as much as one written alone.
   */
  public static final String CASE_NARRATIVE_WORDS = "patient patients presented presenting presents showed shows revealed reveals"
      + " examination exam examined noted complained complains complaining she he her his him admitted referred"
      + " evaluated evaluation diagnosed reported observed had has were been";

  /**
   * The stop words of a symptom query: English stop words and the words of a case description that
   * tell of the patient and the visit rather than the disease ("patient", "presented", "showed").
   *
   * @return a shared, read-only set, of words as written
   */
  public static CharArraySet queryStopWords() {
    return QueryStopWords.SET;
  }

  /** The query side's stop words: English stop words and {@link #CASE_NARRATIVE_WORDS}. */
  private static final class QueryStopWords {
    static final CharArraySet SET;

    static {
      CharArraySet words = new CharArraySet(stopWords(), false);
      words.addAll(List.of(CASE_NARRATIVE_WORDS.split(" ")));
      SET = CharArraySet.unmodifiableSet(words);
    }
  }

  /** The analyzer of names offered as completions, and of the text typed to complete them. */
  public static Analyzer completion() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * The analyzer of disease names.
   *
   * @return a new analyzer
   */
  public static Analyzer name() {
    return new NameAnalyzer(false, false);
  }

  /**
   * The analyzer of name keys: {@link #name()} without the filler word "type", unless it is the
   * only word.
   *
   * @return a new analyzer
   */
  public static Analyzer nameKey() {
    return new NameAnalyzer(true, false);
  }

  /**
   * The analyzer of name bags: the {@link #nameKey()} tokens sorted and without repeats, joined by
   * spaces into one token; no token for a name without words.
   *
   * @return a new analyzer
   */
  public static Analyzer nameBag() {
    return new NameAnalyzer(true, true);
  }

  /**
   * The analyzer that gives the forms of a name: the whole name as one token, then each
   * parenthetical and the name without them ({@link ParentheticalVariantsFilter}).
   *
   * @return a new analyzer
   */
  public static Analyzer nameVariants() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new ParentheticalVariantsFilter(source));
      }
    };
  }

  /** {@link #name()}, optionally with the filler word dropped and the tokens made one bag. */
  private static final class NameAnalyzer extends Analyzer {
    private final boolean dropFiller;
    private final boolean bag;

    NameAnalyzer(boolean dropFiller, boolean bag) {
      this.dropFiller = dropFiller;
      this.bag = bag;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = tokenizer();
      TokenStream stream = new EnglishPossessiveFilter(source);
      stream = new LowerCaseFilter(stream);
      stream = new ASCIIFoldingFilter(stream);
      stream = new RomanNumeralFilter(stream);
      stream = new EnglishMinimalStemFilter(stream);
      if (dropFiller) {
        stream = new TypeFillerFilter(stream);
      }
      if (bag) {
        // No length limit: a bag is as long as its name.
        stream = new FingerprintFilter(stream, Integer.MAX_VALUE, ' ');
      }
      return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
  }

  /**
   * The tokens an analyzer makes of a text, in order. Convenient for building keys and for tests.
   *
   * @param analyzer the analyzer
   * @param field the field name the analyzer is told
   * @param text the text
   * @return the terms of the tokens
   */
  public static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in-memory text cannot fail", e);
    }
    return tokens;
  }

  private static Tokenizer tokenizer() {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setMaxTokenLength(MAX_TOKEN_LENGTH);
    return tokenizer;
  }

  private static TokenStream textChain(Tokenizer source) {
    return textChain(source, stopWords());
  }

  private static TokenStream textChain(Tokenizer source, CharArraySet stops) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new ClosePositionGapsFilter(new StopFilter(stream, stops));
    return new PorterStemFilter(stream);
  }

  /** English stop words; shared and read-only. */
  static CharArraySet stopWords() {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  }

  /**
   * RareSearch's qualifier words as the text chain makes them ({@code increased} is {@code
   * increas}): what {@link QualifierWordFilter} marks in {@link #text()} and {@link
   * #textQuery(SynonymMap)}.
   *
   * @return a shared, read-only set
   */
  public static CharArraySet qualifierTerms() {
    return QualifierTerms.TERMS;
  }

  /** Built on first use: analysing the words needs the text chain. */
  private static final class QualifierTerms {
    static final CharArraySet TERMS = CharArraySet.unmodifiableSet(new CharArraySet(analysed(QUALIFIER_WORDS), false));

    private static List<String> analysed(String words) {
      try (Analyzer chain = textChainAnalyzer()) {
        return tokens(chain, "qualifiers", words);
      }
    }
  }

  /**
   * The text chain alone, without marks: the form synonym rules and qualifier words are written in
   * so that they meet text as the analyzers make it.
   */
  static Analyzer textChainAnalyzer() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, textChain(source));
      }
    };
  }
}
