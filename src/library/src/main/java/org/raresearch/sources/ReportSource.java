package org.raresearch.sources;

import java.io.IOException;
import java.util.Optional;
import org.raresearch.report.DiseaseReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * A stream of reports read from an open-data file, one at a time, so that memory stays the same
 * whatever the size of the file.
 *
 * <p>Implementations read their file anew on each {@link #read} call and are not thread-safe.
 */
public interface ReportSource {
  /**
   * The name the source's reports are recorded under in the index; an import deletes only reports
   * of its own origin.
   *
   * @return a short name, such as {@code orphanet}
   */
  String origin();

  /**
   * The ontology the source's phenotype annotations are named in, which an import keeps with the
   * index (so queries recognise findings as its terms, and diseases inherit their annotations'
   * ancestors).
   *
   * @return the ontology, or empty when the source brings none
   */
  default Optional<HpoOntology> vocabulary() {
    return Optional.empty();
  }

  /**
   * Reads every report and every bad record, in file order, and tells {@code sink} of each.
   *
   * @param sink told of each report, bad record and step of progress
   * @throws IOException when the file cannot be read to its end (missing, truncated, damaged
   *     archive); reports read before the failure have been told to the sink
   */
  void read(Sink sink) throws IOException;

  /** Receives what a {@link ReportSource} reads. */
  interface Sink {
    /**
     * Receives a report read from the source.
     *
     * @param report the report
     */
    void report(DiseaseReport report);

    /**
     * A record that could not be read; the import goes on with the next one.
     *
     * @param position where the record is, such as {@code hp.hpoa:120} or {@code
     *     packets.tar.gz!json/ORPHApacket_10.json:3:17}
     * @param reason what is wrong with it
     * @param reportId the id of the report the record would have given when the position tells it
     *     (an earlier version of that report is then kept), else null
     */
    void rejected(String position, String reason, String reportId);

    /**
     * Receives how far reading has got.
     *
     * @param done how much has been read, in units of the source's choosing (bytes, files)
     * @param total how much there is in all, in the same units (0 when unknown)
     */
    void progress(long done, long total);
  }
}
