/**
 * The index: its schema, the one place for fields and analyzers ({@code IndexSchema}); its writer
 * ({@code ReportIndexer}) and what it writes (report and disease documents, disease links,
 * phenotype profiles, the stored report and vocabulary); an index opened for searching ({@code
 * OpenIndex}); and the one translation of its I/O failures into errors a user can act on ({@code
 * IndexErrors}). Internal.
 */
package org.raresearch.index;
