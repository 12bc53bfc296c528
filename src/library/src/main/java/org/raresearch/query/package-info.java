/**
 * Reading a user's symptom query: cleaning and splitting its text into findings ({@code QueryText}),
 * telling the findings a patient does not have ({@code Negation}), and recognising findings as
 * phenotype terms of the vocabulary ({@code FindingRecognizer}). Internal.
 */
package org.raresearch.query;
