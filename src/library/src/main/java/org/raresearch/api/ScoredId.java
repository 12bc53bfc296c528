package org.raresearch.api;

/**
 * A report id with its score, as ranked for a query.
 *
 * @param id the report id
 * @param score the score; comparable only within one ranking
 */
public record ScoredId(String id, float score) {}
