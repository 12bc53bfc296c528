/**
 * The symptom ranking as Lucene queries ({@code SymptomRanking}): the text of each finding and its
 * variants ({@code SymptomQueryBuilder}), the evidence of the phenotypes findings are recognised as
 * ({@code PhenotypeQueryBuilder}), the query as a disease's name, in two stages. Internal.
 */
package org.raresearch.search.symptoms;
