/**
 * Imports open rare-disease data, straight from the files their publishers distribute, into the
 * report model and the index: Orphanet's ORPHApackets ({@link org.raresearch.sources.OrphanetSource})
 * and the HPO's disease annotations ({@link org.raresearch.sources.HpoAnnotationSource}).
 *
 * <p>A source streams its reports one at a time; {@code RareSearch.importReports} writes
 * them incrementally (unchanged reports are skipped by digest, reports gone from the source are
 * deleted, reports of other origins are never touched) and collects bad records with their position.
 */
package org.raresearch.sources;
