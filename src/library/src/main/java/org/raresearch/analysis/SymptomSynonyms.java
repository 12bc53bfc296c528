package org.raresearch.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

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

  private SymptomSynonyms() {}

  /** The default synonyms. */
  public static SynonymMap defaults() {
    return load(true, List.of());
  }

  /**
   * Builds a synonym map.
   *
   * @param includeDefaults whether to start from the synonyms RareSearch ships
   * @param files further synonym files in the Solr format
   * @return the combined map
   * @throws IllegalArgumentException when a file has a malformed rule (the message names the file and line)
   * @throws UncheckedIOException when a file cannot be read
   */
  public static SynonymMap load(boolean includeDefaults, List<Path> files) {
    SolrSynonymParser parser = new SolrSynonymParser(true, true, Analyzers.textChainAnalyzer());
    if (includeDefaults) {
      try (InputStream in = SymptomSynonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the default synonym file " + DEFAULT_RESOURCE + " is missing from the class path");
        }
        parse(parser, new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (Path file : files) {
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        parse(parser, reader, file.toString());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read synonym file " + file + ": " + e.getMessage(), e);
      }
    }
    try {
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void parse(SolrSynonymParser parser, Reader reader, String source) throws IOException {
    try {
      parser.parse(reader);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "synonym file " + source + ", line " + e.getErrorOffset() + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("synonym file " + source + ": " + e.getMessage(), e);
    }
  }
}
