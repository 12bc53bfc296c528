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
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
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
 *       {@code rash} meet).
 *   <li>{@link #textQuery(SynonymMap)}: the same, then lay and clinical synonyms expanded as a token
 *       graph ({@code droopy eyelid} also searches {@code ptosis}).
 *   <li>{@link #name()}: disease names. Lower case, accents folded ({@code Sjögren}/{@code Sjogren}),
 *       possessives and plurals dropped ({@code Gottron's}/{@code Gottron}), hyphens split like
 *       spaces, roman numerals made arabic ({@code type II}/{@code type 2}); no stop words removed,
 *       since they distinguish names.
 *   <li>{@link #completion()}: names offered as completions. Lower case and accents folded only:
 *       a partly typed word must stay a prefix of the word it completes.
 * </ul>
 */
public final class Analyzers {
  private static final int MAX_TOKEN_LENGTH = 255;
  private static final int POSITION_GAP = 100;

  private Analyzers() {}

  /** The analyzer of report text, on both the index and query sides (without synonyms). */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, textChain(source));
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

  /** The query-side analyzer of report text: {@link #text()} followed by synonym expansion. */
  public static Analyzer textQuery(SynonymMap synonyms) {
    if (synonyms == null || synonyms.fst == null) {
      return text();
    }
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        return new TokenStreamComponents(source, new SynonymGraphFilter(textChain(source), synonyms, true));
      }
    };
  }

  /** The analyzer of disease names. */
  public static Analyzer name() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = tokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new RomanNumeralFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
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
   * The tokens an analyzer makes of a text, in order. Convenient for building keys and for tests.
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

  static TokenStream textChain(Tokenizer source) {
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new ASCIIFoldingFilter(stream);
    stream = new ClosePositionGapsFilter(new StopFilter(stream, stopWords()));
    return new PorterStemFilter(stream);
  }

  /** English stop words; shared and read-only. */
  static CharArraySet stopWords() {
    return EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  }
}
