package org.raresearch.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rare-disease report: its names, its sections of text and its supporting organizations.
 *
 * <p>Immutable: every list and map is unmodifiable. Synonyms are kept in file order with duplicates
 * (ignoring case) removed. Sections keep the order in which the report gives them.
 *
 * <pre>{@code
 * DiseaseReport report = new NordReportParser().parse(Path.of("dermatomyositis.txt")).report();
 * String symptoms = report.section(SectionKind.SIGNS_AND_SYMPTOMS);
 * }</pre>
 *
 * @param id stable identifier; for a file, its name without extension ({@code ORPHA_558.txt} is
 *     {@code ORPHA_558})
 * @param title the report's main title, never blank
 * @param synonyms alternate names and abbreviations
 * @param subdivisions disorder subdivisions covered by the report
 * @param sections section text keyed by section, paragraphs separated by a blank line
 * @param organizations supporting organizations
 * @param lastUpdated the "Last Updated" date, empty when missing or a placeholder
 * @param copyright the copyright (or source) line, empty when the report has none
 * @param crossReferences ids of this disease (or of broader or narrower ones) in other sources, such
 *     as {@code OMIM:154700}; empty for a report file, which names none
 * @param phenotypes the phenotypes the source annotates the disease with, as HPO terms with their
 *     frequency; empty for a report file, whose findings are text only
 * @param facts what the source states of the disease as structured data (its kind, prevalence,
 *     onset, place in a classification); {@link DiseaseFacts#NONE} for a report file
 */
public record DiseaseReport(
    String id,
    String title,
    List<String> synonyms,
    List<String> subdivisions,
    Map<SectionKey, String> sections,
    List<Organization> organizations,
    Optional<LocalDate> lastUpdated,
    Optional<String> copyright,
    List<CrossReference> crossReferences,
    List<PhenotypeAnnotation> phenotypes,
    DiseaseFacts facts) {

  /**
   * Checks the id and title, drops repeated names (ignoring case) and copies the collections.
   *
   * @throws IllegalArgumentException when the id or the title is blank
   */
  public DiseaseReport {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a report needs an id");
    }
    if (title.isBlank()) {
      throw new IllegalArgumentException("report " + id + " needs a title");
    }
    synonyms = distinctIgnoringCase(synonyms);
    subdivisions = distinctIgnoringCase(subdivisions);
    sections = Collections.unmodifiableMap(new LinkedHashMap<>(sections));
    organizations = List.copyOf(organizations);
    Objects.requireNonNull(lastUpdated, "lastUpdated");
    Objects.requireNonNull(copyright, "copyright");
    crossReferences = List.copyOf(crossReferences);
    phenotypes = List.copyOf(phenotypes);
    Objects.requireNonNull(facts, "facts");
  }

  /**
   * A report with phenotype annotations but no structured facts.
   *
   * @param id the report id
   * @param title the canonical name
   * @param synonyms other names, abbreviations included
   * @param subdivisions disorder subdivisions covered by the report
   * @param sections section text keyed by section
   * @param organizations supporting organizations
   * @param lastUpdated the "Last Updated" date, empty when missing or a placeholder
   * @param copyright the copyright (or source) line, empty when the report has none
   * @param crossReferences ids of this disease (or of broader or narrower ones) in other sources
   * @param phenotypes the phenotypes the source annotates the disease with
   */
  public DiseaseReport(
      String id,
      String title,
      List<String> synonyms,
      List<String> subdivisions,
      Map<SectionKey, String> sections,
      List<Organization> organizations,
      Optional<LocalDate> lastUpdated,
      Optional<String> copyright,
      List<CrossReference> crossReferences,
      List<PhenotypeAnnotation> phenotypes) {
    this(id, title, synonyms, subdivisions, sections, organizations, lastUpdated, copyright, crossReferences, phenotypes, DiseaseFacts.NONE);
  }

  /**
   * A report with cross-references but no phenotype annotations.
   *
   * @param id the report id
   * @param title the canonical name
   * @param synonyms other names, abbreviations included
   * @param subdivisions disorder subdivisions covered by the report
   * @param sections section text keyed by section
   * @param organizations supporting organizations
   * @param lastUpdated the "Last Updated" date, empty when missing or a placeholder
   * @param copyright the copyright (or source) line, empty when the report has none
   * @param crossReferences ids of this disease (or of broader or narrower ones) in other sources
   */
  public DiseaseReport(
      String id,
      String title,
      List<String> synonyms,
      List<String> subdivisions,
      Map<SectionKey, String> sections,
      List<Organization> organizations,
      Optional<LocalDate> lastUpdated,
      Optional<String> copyright,
      List<CrossReference> crossReferences) {
    this(id, title, synonyms, subdivisions, sections, organizations, lastUpdated, copyright, crossReferences, List.of(), DiseaseFacts.NONE);
  }

  /**
   * A report without cross-references, as a report file gives it.
   *
   * @param id the report id
   * @param title the canonical name
   * @param synonyms other names, abbreviations included
   * @param subdivisions disorder subdivisions covered by the report
   * @param sections section text keyed by section
   * @param organizations supporting organizations
   * @param lastUpdated the "Last Updated" date, empty when missing or a placeholder
   * @param copyright the copyright (or source) line, empty when the report has none
   */
  public DiseaseReport(
      String id,
      String title,
      List<String> synonyms,
      List<String> subdivisions,
      Map<SectionKey, String> sections,
      List<Organization> organizations,
      Optional<LocalDate> lastUpdated,
      Optional<String> copyright) {
    this(id, title, synonyms, subdivisions, sections, organizations, lastUpdated, copyright, List.of(), List.of(), DiseaseFacts.NONE);
  }

  /**
   * The text of a known kind of section.
   *
   * @param kind the kind of section
   * @return its text, or the empty string when the report lacks it
   */
  public String section(SectionKind kind) {
    if (kind == SectionKind.OTHER) {
      throw new IllegalArgumentException("sections of kind OTHER are named: use sections()");
    }
    return sections.getOrDefault(SectionKey.of(kind), "");
  }

  /**
   * Every name this report answers to.
   *
   * @return the title, then the synonyms, then the subdivisions
   */
  public List<String> names() {
    List<String> names = new ArrayList<>(1 + synonyms.size() + subdivisions.size());
    names.add(title);
    names.addAll(synonyms);
    names.addAll(subdivisions);
    return List.copyOf(names);
  }

  private static List<String> distinctIgnoringCase(List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>(values.size());
    for (String value : values) {
      Objects.requireNonNull(value, "list element");
      String trimmed = value.strip();
      if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
        kept.add(trimmed);
      }
    }
    return List.copyOf(kept);
  }
}
