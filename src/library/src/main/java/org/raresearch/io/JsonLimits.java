package org.raresearch.io;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limits every JSON file RareSearch reads is parsed with, set on Jackson's {@link
 * StreamReadConstraints} deliberately rather than left at its defaults, and the words a user reads
 * when a file goes past one. Real files stay far below them: the HPO's {@code hp.json} nests 9
 * levels deep and Orphanet's packets 11, and neither has a string over 2,100 characters.
 */
public final class JsonLimits {
  /** The deepest nesting of arrays and objects. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** The longest string value, in characters. */
  public static final int MAX_STRING_CHARS = 262_144;
  /** The longest number, in characters. */
  public static final int MAX_NUMBER_CHARS = 64;
  /** The longest field name, in characters. */
  public static final int MAX_NAME_CHARS = 1_024;
  /** The most characters of a bad token a parse error quotes. */
  private static final int MAX_QUOTED_TOKEN_CHARS = 40;

  private static final Pattern ALLOWED = Pattern.compile("maximum allowed \\((\\d+)");
  /** The start of Jackson's message for each limit, and the user's words for it (%s: the limit). */
  private static final String[][] PHRASES = {
    {"Document nesting depth", "the JSON nests deeper than %s levels, the limit"},
    {"String value length", "a JSON string is longer than %s characters, the limit"},
    {"Number value length", "a JSON number is longer than %s characters, the limit"},
    {"Name length", "a JSON field name is longer than %s characters, the limit"},
    {"Document length", "the JSON is longer than %s bytes, the limit"},
    {"Token count", "the JSON holds more than %s tokens, the limit"},
  };

  private JsonLimits() {}

  /**
   * A factory whose parsers keep to these limits, to {@code maxDocumentLength} bytes (or
   * characters) per document and to {@code maxTokens} tokens per document, and leave the stream
   * they read open.
   */
  public static JsonFactory factory(long maxDocumentLength, long maxTokens) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxStringLength(MAX_STRING_CHARS)
        .maxNumberLength(MAX_NUMBER_CHARS)
        .maxNameLength(MAX_NAME_CHARS)
        .maxDocumentLength(maxDocumentLength)
        .maxTokenCount(maxTokens)
        .build();
    ErrorReportConfiguration errors = ErrorReportConfiguration.builder()
        .maxErrorTokenLength(MAX_QUOTED_TOKEN_CHARS)
        .maxRawContentLength(0)
        .build();
    return JsonFactory.builder()
        .streamReadConstraints(constraints)
        .errorReportConfiguration(errors)
        .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
        .build();
  }

  /**
   * The parser's description of a syntax error on one short line, without the location (which the
   * caller gives as file, line and column) and quoting at most a short excerpt of the input.
   */
  public static String syntaxError(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int sourceMention = message.indexOf("[Source:");
    if (sourceMention >= 0) {
      int aside = message.lastIndexOf(" (", sourceMention);
      message = message.substring(0, aside >= 0 ? aside : sourceMention).strip();
    }
    int newline = message.indexOf('\n');
    message = newline >= 0 ? message.substring(0, newline) : message;
    return message.length() <= 200 ? message : message.substring(0, 200) + "…";
  }

  /** What limit the input went past, in a user's words: {@code the JSON nests deeper than 64 levels, the limit}. */
  public static String describe(StreamConstraintsException e) {
    String message = String.valueOf(e.getOriginalMessage());
    Matcher allowed = ALLOWED.matcher(message);
    String limit = allowed.find() ? String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(allowed.group(1))) : "its limit";
    for (String[] phrase : PHRASES) {
      if (message.startsWith(phrase[0])) {
        return String.format(phrase[1], limit);
      }
    }
    return "the JSON is over a reading limit";
  }
}
