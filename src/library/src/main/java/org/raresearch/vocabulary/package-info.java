/**
 * The Human Phenotype Ontology ({@link org.raresearch.vocabulary.HpoOntology}): its readers (JSON
 * and OBO, optionally gzip-compressed), its terms and their names, and what a finding was
 * recognised as ({@link org.raresearch.vocabulary.RecognizedFinding}).
 */
package org.raresearch.vocabulary;
