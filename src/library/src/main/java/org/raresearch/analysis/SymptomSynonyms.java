package org.raresearch.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.io.BoundedLineReader;
import org.raresearch.io.InputLimitException;
import org.raresearch.io.Limits;

/**
 * Lay and clinical words for the same finding ({@code butterfly rash} and {@code malar rash}), read
 * from synonym files in the Solr format: one rule a line, equivalent terms separated by commas,
 * {@code #} comments. RareSearch ships a default file ({@value #DEFAULT_RESOURCE}); users add their
 * own files to it, or replace it.
 *
 * <p>Rules are analysed with the same chain as report text, so a rule written {@code droopy eyelid}
 * also matches {@code droopy eyelids}.
 */
public final class SymptomSynonyms {
  /** The class-path resource of the synonym file RareSearch ships with. */
  public static final String DEFAULT_RESOURCE = "/org/raresearch/analysis/symptom-synonyms.txt";
  /** The largest synonym file read, in characters: 40 times the file RareSearch ships. */
  public static final int MAX_FILE_CHARS = 4 << 20;

  private static final Pattern RULE_LINE = Pattern.compile("at line (\\d+)");

  private SymptomSynonyms() {}

  /** The default synonyms. */
  public static SynonymMap defaults() {
    return load(true, List.of(), warning -> {});
  }

  /**
   * Builds a synonym map. Each file is read through a bounded line reader: a line over 65,536
   * characters is skipped and told to {@code warnings},
   * and a file over {@value #MAX_FILE_CHARS} characters is refused.
   *
   * @param includeDefaults whether to start from the synonyms RareSearch ships
   * @param files further synonym files in the Solr format
   * @param warnings told of each skipped line, as {@code file:line: reason}
   * @return the combined map
   * @throws InputFileException when a file cannot be read, is over the limit or has a malformed rule
   *     (the message names the file and line)
   */
  public static SynonymMap load(boolean includeDefaults, List<Path> files, Consumer<String> warnings) {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, Analyzers.textChainAnalyzer());
    if (includeDefaults) {
      InputStream in = SymptomSynonyms.class.getResourceAsStream(DEFAULT_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("the default synonym file " + DEFAULT_RESOURCE + " is missing from the class path");
      }
      parse(parser, in, DEFAULT_RESOURCE, warnings);
    }
    for (Path file : files) {
      InputStream in;
      try {
        in = Files.newInputStream(file);
      } catch (IOException e) {
        throw new InputFileException(file.toString(), 0, "cannot read the synonym file: " + FileProblems.describe(e), e);
      }
      parse(parser, in, file.toString(), warnings);
    }
    try {
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("building a synonym map in memory cannot fail", e);
    }
  }

  private static void parse(SolrSynonymParser parser, InputStream in, String source, Consumer<String> warnings) {
    BoundedLineReader lines = BoundedLineReader.utf8(in, MAX_FILE_CHARS, (number, length) ->
        warnings.accept(source + ":" + number + ": " + BoundedLineReader.skippedReason(length, BoundedLineReader.MAX_LINE_CHARS)));
    try (Reader reader = lines.asReader()) {
      parser.parse(reader);
    } catch (ParseException e) {
      Matcher line = RULE_LINE.matcher(String.valueOf(e.getMessage()));
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InputFileException(source, line.find() ? Long.parseLong(line.group(1)) : 0,
          "invalid synonym rule: " + Excerpt.of(String.valueOf(cause.getMessage())), e);
    } catch (InputLimitException e) {
      throw new InputFileException(source, 0, "the file is over the limit of " + Limits.chars(MAX_FILE_CHARS) + " for a synonym file", e);
    } catch (IOException e) {
      throw new InputFileException(source, lines.lineNumber() + 1, "cannot read the synonym file: " + FileProblems.describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new InputFileException(source, lines.lineNumber(), "invalid synonym rule: " + Excerpt.of(String.valueOf(e.getMessage())), e);
    }
  }
}
