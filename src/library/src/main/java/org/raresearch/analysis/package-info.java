/**
 * Text analysis: the analyzers of the index and of queries ({@code Analyzers}), their token filters
 * and factories, the symptom synonyms, and the normal forms names and findings are compared in.
 * Exported to Lucene only, which finds the factories by name.
 */
package org.raresearch.analysis;
