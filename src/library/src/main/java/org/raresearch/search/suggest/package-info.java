/**
 * Completion of what a user has typed so far into disease names and findings ({@code Suggester}),
 * from the index's names and the vocabulary's terms ({@code SuggestionSources}). Internal.
 */
package org.raresearch.search.suggest;
