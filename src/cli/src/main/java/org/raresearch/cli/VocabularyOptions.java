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

  /** Opens an index read-only with these options, telling {@code err} of lines skipped in their files. */
  RareSearch open(Path index, PrintWriter err) {
    return CliContext.warnAbout(builder(index).open(), err);
  }

  /**
   * A read-only builder for running a whole query set: each query gets {@link #BATCH_TIMEOUT}, so
   * that what a run measures does not depend on how busy the machine is.
   */
  RareSearch.Builder batchBuilder(Path index) {
    return builder(index).searchTimeout(BATCH_TIMEOUT);
  }

  /** The time budget of one query of a query set. */
  static final java.time.Duration BATCH_TIMEOUT = java.time.Duration.ofMinutes(1);

  /** A read-only builder with these options, to be completed by the caller. */
  RareSearch.Builder builder(Path index) {
    RareSearch.Builder builder = RareSearch.builder(index).readOnly();
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
