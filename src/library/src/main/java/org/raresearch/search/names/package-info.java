/**
 * Disease-name resolution: a name as a user writes it (title, synonym, abbreviation, subdivision,
 * words in another order, a near miss) to the reports it names, surest first ({@code
 * NameResolver}). Internal.
 */
package org.raresearch.search.names;
