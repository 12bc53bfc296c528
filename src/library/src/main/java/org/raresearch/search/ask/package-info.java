/**
 * What to ask next: the findings whose answer would best tell apart the diseases at the top of a
 * ranking ({@code NextQuestions}). Internal.
 */
package org.raresearch.search.ask;
