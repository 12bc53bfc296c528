package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.raresearch.RareSearch;
import picocli.CommandLine.Option;

/** Options that change how queries are understood: synonym files and an HPO ontology. */
final class VocabularyOptions {
  @Option(names = "--synonyms", paramLabel = "FILE", description = "Extra synonym file (Solr format); repeatable.")
  List<Path> synonyms = new ArrayList<>();

  @Option(names = "--no-default-synonyms", description = "Leave out the synonyms RareSearch ships.")
  boolean noDefaultSynonyms;

  @Option(names = "--hpo", paramLabel = "FILE", description = "HPO ontology (hp.json[.gz] or hp.obo) to recognise findings as HPO terms.")
  Path hpo;

  /**
   * Opens an index read-only with these options for a command's searches, telling {@code err} of
   * lines skipped in their files; a null index is the CLI's default one ({@link CliContext#builder}).
   */
  RareSearch open(Path index, PrintWriter err) {
    return CliContext.warnAbout(commandBuilder(index, err).open(), err);
  }

  /**
   * A read-only builder for a command's searches, one query or a whole set: each search gets
   * {@link #COMMAND_TIMEOUT}.
   */
  RareSearch.Builder commandBuilder(Path index, PrintWriter err) {
    return builder(index, err).searchTimeout(COMMAND_TIMEOUT);
  }

  /**
   * The time budget of one search from the command line. The library's default budget is for a
   * serving instance; a command started for one search pays the JVM's warm-up inside it, which on a
   * busy machine can take longer than that budget, and what a run measures should not depend on how
   * busy the machine is. The person waiting can stop the command.
   */
  static final java.time.Duration COMMAND_TIMEOUT = java.time.Duration.ofMinutes(1);

  /** A read-only builder with these options, to be completed by the caller; a null index is the default one. */
  RareSearch.Builder builder(Path index, PrintWriter err) {
    RareSearch.Builder builder = CliContext.builder(index, err).readOnly();
    synonyms.forEach(builder::addSynonyms);
    if (noDefaultSynonyms) {
      builder.withoutDefaultSynonyms();
    }
    if (hpo != null) {
      builder.hpo(hpo);
    }
    return builder;
  }
}
