package org.raresearch.api;

import java.util.Objects;
import java.util.OptionalDouble;
import org.raresearch.report.Frequency;

/**
 * Why a disease fits (or contradicts) one finding of a query: the phenotype one of its sources
 * annotates it with, and how that annotation meets the term the finding was recognised as. What
 * the source says ({@link #annotatedTermId()}, {@link #frequency()}, {@link #share()}, {@link
 * #reportId()}) is kept apart from what RareSearch infers from it ({@link #relation()}).
 *
 * @param finding the query's finding, as written
 * @param queryTermId the term the finding was recognised as, such as {@code HP:0001250}
 * @param queryTermLabel that term's label
 * @param annotatedTermId the term the source annotates the disease with
 * @param annotatedTermLabel that term's label as the source gives it
 * @param frequency how often the source says the disease has it
 * @param share the share of patients in percent, when the source gives it exactly
 * @param reportId the report (source) that states it
 * @param relation how the annotated term meets the query's term
 * @param diseasesWithTerm how many diseases of the index have the annotated term (by annotation
 *     or through a more specific one): the fewer, the more telling the match
 */
public record PhenotypeMatch(
    String finding,
    String queryTermId,
    String queryTermLabel,
    String annotatedTermId,
    String annotatedTermLabel,
    Frequency frequency,
    OptionalDouble share,
    String reportId,
    Relation relation,
    int diseasesWithTerm) {

  /** How an annotated term meets the term a finding was recognised as. */
  public enum Relation {
    /** The source annotates the disease with the query's term itself. */
    SAME,
    /**
     * The source annotates a more specific term: the disease has the query's term by the
     * ontology's hierarchy (inferred).
     */
    MORE_SPECIFIC,
    /**
     * The source annotates only a more general term: the disease may have the query's term
     * (inferred, weak evidence).
     */
    MORE_GENERAL,
    /**
     * It counts against the disease: the patient does not have a phenotype the disease has, or has
     * one the source states the disease does not have.
     */
    CONTRADICTS
  }

  /** Checks that nothing is null. */
  public PhenotypeMatch {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(queryTermId, "queryTermId");
    Objects.requireNonNull(queryTermLabel, "queryTermLabel");
    Objects.requireNonNull(annotatedTermId, "annotatedTermId");
    Objects.requireNonNull(annotatedTermLabel, "annotatedTermLabel");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(reportId, "reportId");
    Objects.requireNonNull(relation, "relation");
  }
}
