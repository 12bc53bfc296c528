/**
 * The exceptions RareSearch's API throws for a problem a user can act on: {@link
 * org.raresearch.errors.RareSearchException} and its subtypes for a refused query, an index that
 * cannot be used, a file that cannot be read or is malformed, a report the index cannot hold. Every
 * message says what was wrong and, where there is one, what to do about it, in the words of {@link
 * org.raresearch.errors.Excerpt} (a short quote of the input) and {@link
 * org.raresearch.errors.FileProblems} (why a file could not be read), which an application can use
 * for messages of its own. This package depends on nothing else of RareSearch.
 */
package org.raresearch.errors;
