/**
 * Sources of reports an index is kept in step with: a folder of report files ({@link
 * org.raresearch.sources.ReportFolder}), and open rare-disease data read straight from the files
 * their publishers distribute, Orphanet's ORPHApackets ({@link org.raresearch.sources.OrphanetSource})
 * and the HPO's disease annotations ({@link org.raresearch.sources.HpoAnnotationSource}).
 *
 * <p>A source streams its reports one at a time; {@code RareSearch.ingest} writes them
 * incrementally (unchanged reports are skipped by digest, reports gone from the source are
 * deleted, reports of other origins are never touched) and collects bad records with their position.
 */
package org.raresearch.sources;
