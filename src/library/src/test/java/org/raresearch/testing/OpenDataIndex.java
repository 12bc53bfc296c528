package org.raresearch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.raresearch.RareSearch;
import org.raresearch.sources.HpoAnnotationSource;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.sources.OrphanetSource;
import org.raresearch.vocabulary.HpoOntology;

/**
 * A real index of the shared open data (Orphanet's packets, then the HPO's annotations, imported
 * as a user imports them), built once per test run and shared by the tests that need it: importing
 * it takes a while. Skips the calling test when {@code ../shared} is absent.
 */
public final class OpenDataIndex {
  /**
   * The index and what its two imports did.
   *
   * @param path the index directory
   * @param orphanet the Orphanet import's result
   * @param hpo the annotation import's result
   */
  public record Imported(Path path, IngestResult orphanet, IngestResult hpo) {}

  private static Imported imported;

  private OpenDataIndex() {}

  /** The index, imported on first call. */
  public static synchronized Imported get() {
    Path archive = SharedData.require("data/raw/orphanet/orphapacket_json_2025-12.tar.gz");
    Path annotations = SharedData.require("data/raw/hpo/phenotype_2023-01-27.hpoa.gz");
    Path ontology = SharedData.require("data/raw/hpo/hp_2023-01-27.json.gz");
    if (imported == null) {
      try {
        Path dir = Files.createTempDirectory("raresearch-open-data");
        dir.toFile().deleteOnExit();
        HpoOntology hpo = HpoOntology.load(ontology);
        try (RareSearch rare = RareSearch.builder(dir).hpo(hpo).open()) {
          IngestResult orphanet = rare.ingest(new OrphanetSource(archive), IngestProgress.NONE);
          IngestResult annotationsResult = rare.ingest(new HpoAnnotationSource(annotations, hpo), IngestProgress.NONE);
          imported = new Imported(dir, orphanet, annotationsResult);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return imported;
  }
}
