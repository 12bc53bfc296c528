/**
 * The report model ({@link org.raresearch.report.DiseaseReport}: sections, findings, phenotype
 * annotations, cross-references) and the reader of NORD-layout report files ({@link
 * org.raresearch.report.NordReportParser}, {@link org.raresearch.report.ReportDirectory}).
 */
package org.raresearch.report;
