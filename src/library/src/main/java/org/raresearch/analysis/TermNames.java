package org.raresearch.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.util.CharTokenizer;

/**
 * The normal form in which term names and findings are compared: words of letters and digits
 * (punctuation and hyphens separate words, apostrophes are dropped), lower case, accents folded,
 * plurals made singular by Lucene's minimal English stemmer. {@code "Broad-based gaits"} and
 * {@code "broad based gait"} have the same words. Thread-safe.
 */
public final class TermNames {
  private static final Analyzer ANALYZER =
      new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
          Tokenizer source = CharTokenizer.fromTokenCharPredicate(Character::isLetterOrDigit);
          TokenStream stream = new LowerCaseFilter(source);
          stream = new ASCIIFoldingFilter(stream);
          stream = new EnglishMinimalStemFilter(stream);
          return new TokenStreamComponents(source, stream);
        }
      };

  private TermNames() {}

  /** The normalised words of a text, in order; empty when it has none. */
  public static List<String> words(String text) {
    String prepared =
        Normalizer.normalize(text, Normalizer.Form.NFC).replace("'", "").replace("\u2019", "");
    List<String> words = new ArrayList<>();
    try (TokenStream stream = ANALYZER.tokenStream("", prepared)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing in-memory text cannot fail", e);
    }
    return words;
  }

  /** The normalised words of a text joined by single spaces: the key names are looked up by. */
  public static String key(String text) {
    return String.join(" ", words(text));
  }
}
