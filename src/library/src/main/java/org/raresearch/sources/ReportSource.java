package org.raresearch.sources;

import java.io.IOException;
import java.util.Optional;
import org.raresearch.errors.InputFileException;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.ParsedReport;
import org.raresearch.vocabulary.HpoOntology;

/**
 * A stream of reports read from a source, one at a time, so that memory stays the same whatever
 * its size: a folder of report files ({@link ReportFolder}), an open-data file ({@link
 * OrphanetSource}, {@link HpoAnnotationSource}). {@code RareSearch.ingest} brings an index in step
 * with any of them.
 *
 * <p>Implementations read their files anew on each {@link #read} call and are not thread-safe.
 */
public interface ReportSource {
  /**
   * The name the source's reports are recorded under in the index; bringing the index in step with
   * a source deletes only reports of its own origin.
   *
   * @return a short name, such as {@code orphanet}; {@code ""} ({@link ReportFolder#ORIGIN}) is that
   *     of report files
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
   * Reads every report (or {@link Entry}) and every bad record, in file order, and tells {@code
   * sink} of each.
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
     * Receives a report that is read only when needed. Unless the sink does otherwise, it is read
     * and parsed at once, and a failure told to {@link #rejected}.
     *
     * @param entry the report, known by its id
     */
    default void report(Entry entry) {
      try {
        report(entry.parse(entry.read()).report());
      } catch (InputFileException e) {
        rejected(e.line() > 0 ? e.file() + ":" + e.line() : e.file(), e.reason(), entry.id());
      }
    }

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

  /**
   * A report of a source known by its id before it is read, such as a report file: whoever brings
   * an index in step with the source first reads its bytes, whose digest tells whether the index
   * holds the report as it is, and parses them only when it does not. Its methods may be called
   * from any thread, several entries at a time.
   */
  interface Entry {
    /**
     * The report's id.
     *
     * @return the id, known without reading the report
     */
    String id();

    /**
     * Where the report is, for messages.
     *
     * @return such as its file
     */
    String position();

    /**
     * Reads what the report is parsed from.
     *
     * @return the bytes
     * @throws InputFileException when they cannot be read
     */
    byte[] read();

    /**
     * Parses the report from bytes {@link #read()} gave.
     *
     * @param bytes the bytes
     * @return the report, with its warnings
     * @throws InputFileException when they are not a report
     */
    ParsedReport parse(byte[] bytes);
  }
}
