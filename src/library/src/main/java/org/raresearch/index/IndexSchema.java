package org.raresearch.index;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.raresearch.analysis.Analyzers;
import org.raresearch.api.RankingConfig;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

/**
 * The one definition of RareSearch's index: field names, what each stores, and the analyzer each
 * is indexed with. Both {@link ReportIndexer} and the searcher use it, so the two cannot drift.
 *
 * <p>Every section, the title, the synonyms, the subdivisions and the organizations are fields of
 * their own, so ranking can weight them and a hit can say where it matched. Text fields keep offsets
 * in their postings for fast highlighting. The whole report is also stored, as JSON, so a hit can be
 * shown and {@code get(id)} answered without re-reading files.
 */
public final class IndexSchema {
  /**
   * The schema version, recorded in every commit. Bump it whenever a field, an analyzer or the
   * stored form changes: an index of another version must be rebuilt.
   */
  public static final int VERSION = 8;

  /** Commit user-data key holding {@link #VERSION}. */
  public static final String VERSION_KEY = "raresearch.schema";

  /** Commit user-data key holding the report directory the index was last synchronised with. */
  public static final String SOURCE_KEY = "raresearch.source";

  /**
   * What a document is. An index holds three kinds: {@link #KIND_REPORT} documents store each
   * report as its file or source gave it, and are not searched; {@link #KIND_DISEASE} documents are
   * what searches rank, one per disease, made from the reports that describe it (see {@code
   * DiseaseLinks}); one {@link #KIND_VOCABULARY} document keeps the phenotype ontology the index's
   * annotations are named in, when it has one.
   */
  public static final String KIND = "kind";
  public static final String KIND_REPORT = "report";
  public static final String KIND_DISEASE = "disease";
  public static final String KIND_VOCABULARY = "vocabulary";

  // Report documents.

  /** A report's id, indexed as one term and stored. */
  public static final String REPORT_ID = "report_id";
  /** A digest of the report's source: unchanged reports are skipped on re-indexing. */
  public static final String SOURCE_DIGEST = "source_digest";
  /**
   * Where a report came from, stored: absent for report files (which {@code sync} keeps in step with
   * a directory), else the name of the open-data source it was imported from, such as {@code
   * orphanet}. Each import and each sync deletes only the reports of its own origin.
   */
  public static final String ORIGIN = "origin";
  /**
   * The accession a report's id names, in the {@code SOURCE:accession} form: {@code ORPHA:558} for
   * {@code ORPHA_558}, {@code OMIM:154700} for {@code OMIM_154700}; absent for other ids.
   */
  public static final String ACCESSION = "accession";
  /** The accessions a report's source maps it to exactly ({@code OMIM:154700}, {@code ORPHA:558}). */
  public static final String LINKS = "links";
  /**
   * The accessions a report's source maps it to as a narrower disease ({@code OMIM:261600} for
   * phenylketonuria, which Orphanet classes as narrower than that OMIM entry), as doc values.
   */
  public static final String NARROWER_LINKS = "narrower_links";
  /** The accessions of the entities a report's source classifies it under, as doc values. */
  public static final String PARENTS = "parents";
  /** Present, as doc values, on the report of a group of disorders (a category, a clinical group). */
  public static final String GROUP = "group";
  /** The whole report as JSON (stored only): the one stored copy of its text. */
  public static final String REPORT = "report";

  // Disease documents.

  /**
   * A disease's id, indexed as one term, stored and sortable (ties in score are broken by it): the
   * id of its Orphanet report when it has one, else of its one report.
   */
  public static final String ID = "id";
  /**
   * Best score first, ties broken by {@link #ID}: hits tied in score are cut off by id, not by their
   * place in the index, which depends on the order documents were written in (in parallel,
   * updated, ...).
   */
  public static final Sort BY_SCORE_THEN_ID = new Sort(SortField.FIELD_SCORE, new SortField(ID, SortField.Type.STRING));
  /** The ids of the reports a disease is made of, its own report first; indexed and stored. */
  public static final String MEMBER = "member";
  /**
   * The phenotypes of a disease as HPO term ids: every annotated term and every ancestor of one,
   * each once, its term frequency carrying how often the disease has it (see {@code
   * PhenotypeProfile}). Unscored by BM25: phenotype queries read the frequencies themselves.
   */
  public static final String PHENOTYPE = "phenotype";

  /**
   * A disease's features for ranking, as Lucene {@code FeatureField}s: {@link #PRIOR} and {@link
   * #DIAGNOSIS}.
   */
  public static final String FEATURES = "features";
  /**
   * How common the disease is: {@code ln(prevalence / }{@link #PRIOR_FLOOR}{@code )}, from the
   * prevalence its source states or a default (see {@code DiseasePrior}). Every disease has it.
   */
  public static final String PRIOR = "prior";
  /** The prevalence the prior is measured from: a disease this rare or rarer has the least prior. */
  public static final double PRIOR_FLOOR = RankingConfig.Prior.PREVALENCE_FLOOR;
  /** 1 for a disease that is a diagnosis; absent for a group of disorders (category, clinical group). */
  public static final String DIAGNOSIS = "diagnosis";
  /** The disorder type of a disease's own report (Orphanet's {@code Disease}, {@code Category}, ...), stored. */
  public static final String DISORDER_TYPE = "disorder_type";

  // The vocabulary document.

  /** The ontology, in {@code OntologyCodec}'s compact form (stored only). */
  public static final String VOCABULARY = "vocabulary";

  public static final String TITLE = "title";
  public static final String SYNONYMS = "synonyms";
  public static final String SUBDIVISIONS = "subdivisions";
  /** Every name of the report (title, synonyms, subdivisions) analysed as a name. */
  public static final String NAMES = "names";
  /** Every name of the report as one normalised key each, for exact name lookup. */
  public static final String NAME_KEY = "name_key";
  /** Every name of the report as its words in alphabetical order, for names written in another order. */
  public static final String NAME_BAG = "name_bag";
  public static final String ORGANIZATIONS = "organizations";
  /**
   * The text of every section but the title fields, Signs &amp; Symptoms, General Discussion and
   * References, in one field (not stored): ranking weighs these sections alike, and one field costs
   * a query fewer clauses than six.
   */
  public static final String CONTEXT = "context";

  /** Sections whose heading is none of the known kinds. */
  public static final String OTHER_SECTIONS = "other_sections";

  /**
   * Findings listed by frequency in Signs &amp; Symptoms ("Very frequent (99-80%): ataxia, ..."),
   * each as one normalised key (see {@code FindingKeys}), for exact matching, in three fields by
   * frequency class: obligate and very frequent, frequent, occasional and very rare. Excluded
   * findings are not indexed. (The Signs &amp; Symptoms field of such a report holds one value per
   * finding, so that phrases stay within one finding.)
   */
  public static final List<String> FINDING_KEY_FIELDS =
      List.of("finding_key_very_frequent", "finding_key_frequent", "finding_key_occasional");

  /**
   * The frequency class (0: very frequent, 1: frequent, 2: occasional) a finding is indexed under,
   * or -1 for excluded findings. A finding of unknown frequency counts as frequent, the middle class.
   */
  public static int frequencyClass(org.raresearch.report.Frequency frequency) {
    return switch (frequency) {
      case OBLIGATE, VERY_FREQUENT -> 0;
      case FREQUENT, UNKNOWN -> 1;
      case OCCASIONAL, VERY_RARE -> 2;
      case EXCLUDED -> -1;
    };
  }

  private static final Map<SectionKind, String> SECTION_FIELDS = new EnumMap<>(SectionKind.class);

  static {
    SECTION_FIELDS.put(SectionKind.GENERAL_DISCUSSION, "general_discussion");
    SECTION_FIELDS.put(SectionKind.SIGNS_AND_SYMPTOMS, "signs_symptoms");
    SECTION_FIELDS.put(SectionKind.CAUSES, "causes");
    SECTION_FIELDS.put(SectionKind.AFFECTED_POPULATIONS, "affected_populations");
    SECTION_FIELDS.put(SectionKind.RELATED_DISORDERS, "related_disorders");
    SECTION_FIELDS.put(SectionKind.DIAGNOSIS, "diagnosis");
    SECTION_FIELDS.put(SectionKind.STANDARD_THERAPIES, "standard_therapies");
    SECTION_FIELDS.put(SectionKind.INVESTIGATIONAL_THERAPIES, "investigational_therapies");
    SECTION_FIELDS.put(SectionKind.REFERENCES, "references");
    SECTION_FIELDS.put(SectionKind.OTHER, OTHER_SECTIONS);
  }

  /** Stored, tokenized text with positions and offsets (for phrases and highlighting): names. */
  public static final FieldType STORED_TEXT = textType(true);
  /**
   * Tokenized text with positions and offsets, not stored: sections, whose text the stored report
   * holds once (the highlighter reads it from there).
   */
  public static final FieldType TEXT = textType(false);

  private static FieldType textType(boolean stored) {
    FieldType type = new FieldType();
    type.setTokenized(true);
    type.setStored(stored);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }

  private IndexSchema() {}

  /** The field a section is indexed in; every {@code OTHER} section shares {@link #OTHER_SECTIONS}. */
  public static String sectionField(SectionKind kind) {
    return SECTION_FIELDS.get(kind);
  }

  /** The field a section key is indexed in. */
  public static String sectionField(SectionKey key) {
    return sectionField(key.kind());
  }

  /** The field a weighted field of the ranking is searched in. */
  public static String field(RankingConfig.Field field) {
    return switch (field) {
      case TITLE -> TITLE;
      case SYNONYMS -> SYNONYMS;
      case SUBDIVISIONS -> SUBDIVISIONS;
      case SIGNS_AND_SYMPTOMS -> sectionField(SectionKind.SIGNS_AND_SYMPTOMS);
      case GENERAL_DISCUSSION -> sectionField(SectionKind.GENERAL_DISCUSSION);
      case OTHER_SECTIONS -> CONTEXT;
    };
  }

  /** The ranking's field weights, keyed by the field each is searched in. */
  public static Map<String, Float> fieldWeights(RankingConfig config) {
    Map<String, Float> weights = new LinkedHashMap<>();
    config.fieldWeights().forEach((field, weight) -> weights.put(field(field), weight));
    return Map.copyOf(weights);
  }

  /** Whether a kind of section is searched through {@link #CONTEXT}. */
  public static boolean inContext(SectionKind kind) {
    return switch (kind) {
      case GENERAL_DISCUSSION, SIGNS_AND_SYMPTOMS, REFERENCES -> false;
      default -> true;
    };
  }

  /** The fields of the known sections and of other sections, in report order. */
  public static List<String> sectionFields() {
    return List.copyOf(SECTION_FIELDS.values());
  }

  /**
   * A human name for a field, as shown in results: {@code signs_symptoms} is "Signs & Symptoms".
   */
  public static String displayName(String field) {
    for (Map.Entry<SectionKind, String> e : SECTION_FIELDS.entrySet()) {
      if (e.getValue().equals(field)) {
        return e.getKey() == SectionKind.OTHER ? "Other sections" : e.getKey().heading();
      }
    }
    return switch (field) {
      case TITLE -> "Title";
      case SYNONYMS -> "Synonyms";
      case SUBDIVISIONS -> "Disorder Subdivisions";
      case NAMES -> "Names";
      case ORGANIZATIONS -> "Supporting Organizations";
      default -> field;
    };
  }

  /** How a field of a disease document is analysed. */
  public enum Analysis {
    /** The whole value is one term ({@code KeywordAnalyzer}). */
    KEYWORD,
    /** Report text ({@code Analyzers.text()}). */
    TEXT,
    /** Disease names ({@code Analyzers.name()}). */
    NAME,
    /** Phenotype term ids, each with how often the disease has it as its term frequency. */
    TERM_FREQUENCIES,
    /** Lucene {@code FeatureField}s: a name and a positive value each. */
    FEATURES
  }

  /**
   * One field of a disease document: how it is analysed, what its postings hold, whether it is
   * stored and whether it has sorted doc values (for sorting by it).
   *
   * @param name the field's name
   * @param analysis how its values are analysed
   * @param indexOptions what its postings hold
   * @param stored whether its values are stored
   * @param sortable whether it has sorted doc values
   */
  public record DiseaseField(String name, Analysis analysis, IndexOptions indexOptions, boolean stored, boolean sortable) {}

  /**
   * Every field of a disease document, the documents searches rank: what an engine that indexes
   * the same documents must map, as {@code DiseaseDocuments} writes them.
   */
  public static List<DiseaseField> diseaseFields() {
    List<DiseaseField> fields = new java.util.ArrayList<>();
    IndexOptions docs = IndexOptions.DOCS;
    fields.add(new DiseaseField(KIND, Analysis.KEYWORD, docs, false, false));
    fields.add(new DiseaseField(ID, Analysis.KEYWORD, docs, true, true));
    fields.add(new DiseaseField(MEMBER, Analysis.KEYWORD, docs, true, false));
    for (String field : List.of(TITLE, SYNONYMS, SUBDIVISIONS)) {
      fields.add(new DiseaseField(field, Analysis.TEXT, STORED_TEXT.indexOptions(), true, false));
    }
    for (String field : sectionFields()) {
      fields.add(new DiseaseField(field, Analysis.TEXT, TEXT.indexOptions(), false, false));
    }
    for (String field : List.of(CONTEXT, ORGANIZATIONS)) {
      fields.add(new DiseaseField(field, Analysis.TEXT, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false, false));
    }
    fields.add(new DiseaseField(NAMES, Analysis.NAME, IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, false, false));
    fields.add(new DiseaseField(NAME_KEY, Analysis.KEYWORD, docs, false, false));
    fields.add(new DiseaseField(NAME_BAG, Analysis.KEYWORD, docs, false, false));
    FINDING_KEY_FIELDS.forEach(f -> fields.add(new DiseaseField(f, Analysis.KEYWORD, docs, false, false)));
    fields.add(new DiseaseField(PHENOTYPE, Analysis.TERM_FREQUENCIES, IndexOptions.DOCS_AND_FREQS, false, false));
    fields.add(new DiseaseField(FEATURES, Analysis.FEATURES, IndexOptions.DOCS_AND_FREQS, false, false));
    fields.add(new DiseaseField(DISORDER_TYPE, Analysis.KEYWORD, docs, true, false));
    return List.copyOf(fields);
  }

  /** The analyzer every field is indexed with: names as names, ids as keywords, the rest as text. */
  public static Analyzer indexAnalyzer() {
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    perField.put(NAMES, Analyzers.name());
    for (String keyword : List.of(KIND, REPORT_ID, ORIGIN, ACCESSION, LINKS, ID, MEMBER, NAME_KEY, NAME_BAG, DISORDER_TYPE)) {
      perField.put(keyword, new KeywordAnalyzer());
    }
    FINDING_KEY_FIELDS.forEach(f -> perField.put(f, new KeywordAnalyzer()));
    return new PerFieldAnalyzerWrapper(Analyzers.text(), perField);
  }
}
