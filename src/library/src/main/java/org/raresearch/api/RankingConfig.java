package org.raresearch.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The knobs of symptom ranking. {@link #defaults()} is what RareSearch ships; {@link #builder()}
 * and {@link #toBuilder()} change some of them, so that each part of the ranking can be measured on
 * its own (see the ablation in {@code docs/ranking.md}).
 *
 * @param fieldWeights BM25F weight of each searched field (at least 1); fields not listed are not
 *     searched
 * @param phraseBoost weight of a finding matched as a phrase (0 turns phrase matching off)
 * @param phraseSlop how many positions apart the words of a phrase may be
 * @param coordinationBoost score a report earns for each finding it matches (0 turns it off)
 * @param findingMatchFraction share of a finding's words a report must contain for the finding to count as matched
 * @param synonymWeight weight of a finding's synonym variants relative to its own words (0 turns synonyms off)
 * @param nameBoost score of a report one of whose names is the whole query or a whole finding (0 turns it off)
 * @param exactFindingBoost weight of a finding that is exactly one of the report's listed findings (0 turns it off)
 * @param frequencyWeights weights of an exact finding match by frequency class: very frequent, frequent, occasional
 * @param findingLengthNorm a finding of n words is weighted by n to the power of minus this (0: no normalisation, 1: by its length)
 * @param qualifierWeight weight of qualifying words such as "abnormal", "increased", "level" relative to other words (1: no difference)
 * @param phenotypes how findings recognised as phenotype terms rank diseases by their annotated
 *     phenotypes, and how much that counts beside the text
 * @param prior how much what is known of a disease before any finding counts: how common it is, and
 *     whether it is a diagnosis or a group of disorders
 * @param course how findings of onset and clinical course ("Neonatal onset", "Death in infancy",
 *     "since childhood") are read
 */
public record RankingConfig(
    Map<Field, Float> fieldWeights,
    float phraseBoost,
    int phraseSlop,
    float coordinationBoost,
    float findingMatchFraction,
    float synonymWeight,
    float nameBoost,
    float exactFindingBoost,
    List<Float> frequencyWeights,
    float findingLengthNorm,
    float qualifierWeight,
    Phenotypes phenotypes,
    Prior prior,
    Course course) {

  /** The parts of a report that symptom queries search, each with a weight of its own. */
  public enum Field {
    /** The report's title. */
    TITLE,
    /** Its synonyms. */
    SYNONYMS,
    /** Its disorder subdivisions. */
    SUBDIVISIONS,
    /** The Signs &amp; Symptoms section. */
    SIGNS_AND_SYMPTOMS,
    /** The General Discussion section. */
    GENERAL_DISCUSSION,
    /** Every other section (causes, diagnosis, therapies, ...) but the references, as one. */
    OTHER_SECTIONS
  }

  /** The number of frequency classes of {@link #frequencyWeights()}. */
  private static final int FREQUENCY_CLASSES = 3;

  /**
   * Ranking by annotated phenotypes (see {@code docs/ranking.md}): it applies when the query's
   * findings are recognised as terms of the index's vocabulary and its diseases have phenotype
   * annotations. A disease's score is then its text score plus {@code weight} times its phenotype
   * evidence (a log-likelihood ratio, in nats), lowered by what contradicts it.
   *
   * @param weight how much a nat of phenotype evidence counts beside the text score (0 turns
   *     phenotype ranking off)
   * @param specificity exponent of the ratio of the numbers of diseases with the query term and with
   *     the matched term (0: a general term is worth as much as the query's own)
   * @param ancestorFactor the evidence of a disease that has only an ancestor of a query term,
   *     relative to one that has the term
   * @param floor the evidence below which a term says nothing for or against a disease
   * @param namesInText whether the names of the terms a finding is recognised as (label, synonyms,
   *     lay names, and with less weight its parents' labels) are searched in the text too
   */
  public record Phenotypes(float weight, float specificity, float ancestorFactor, float floor, boolean namesInText) {
    /** Checks the ranges. */
    public Phenotypes {
      if (!(weight >= 0 && Float.isFinite(weight))) {
        throw new IllegalArgumentException("the phenotype weight is a finite number of at least 0, not " + weight);
      }
      if (!(floor > 0 && floor < 1) || !(ancestorFactor >= 0 && ancestorFactor <= 1) || !(specificity >= 0)) {
        throw new IllegalArgumentException("the floor is in (0, 1), the ancestor factor in [0, 1], the specificity at least 0");
      }
    }

    /**
     * These settings with another weight.
     *
     * @param weight the weight of the phenotype ranking
     * @return a copy with that weight
     */
    public Phenotypes withWeight(float weight) {
      return new Phenotypes(weight, specificity, ancestorFactor, floor, namesInText);
    }

    /**
     * These settings with another specificity exponent.
     *
     * @param specificity the exponent of a term's specificity
     * @return the changed settings
     */
    public Phenotypes withSpecificity(float specificity) {
      return new Phenotypes(weight, specificity, ancestorFactor, floor, namesInText);
    }

    /**
     * These settings with another ancestor factor.
     *
     * @param ancestorFactor the factor of a match by an ancestor term (0: only the query's terms and
     *     more specific ones)
     * @return the changed settings
     */
    public Phenotypes withAncestorFactor(float ancestorFactor) {
      return new Phenotypes(weight, specificity, ancestorFactor, floor, namesInText);
    }

    /**
     * These settings with term names searched in the text, or not.
     *
     * @param namesInText whether the names of recognised terms are searched in the text too
     * @return the changed settings
     */
    public Phenotypes withNamesInText(boolean namesInText) {
      return new Phenotypes(weight, specificity, ancestorFactor, floor, namesInText);
    }
  }

  /**
   * What is known of a disease before any finding (see {@code docs/ranking.md}), on an index that
   * holds it (one imported from open data): a disease's score is raised by {@code weight} times the
   * natural log of its prevalence (as stated by its source, or a default), and by {@code
   * diagnosisWeight} when it is a diagnosis rather than a group of disorders (a category, a clinical
   * group). Both only add to the score of a disease the query matches otherwise.
   *
   * @param weight nats of score per factor e of prevalence (0 turns the prevalence prior off)
   * @param diagnosisWeight score a disease earns for being a diagnosis, not a group (0: groups rank
   *     as their disorders)
   */
  public record Prior(float weight, float diagnosisWeight) {
    /** Checks the ranges. */
    public Prior {
      if (!(weight >= 0 && Float.isFinite(weight)) || !(diagnosisWeight >= 0 && Float.isFinite(diagnosisWeight))) {
        throw new IllegalArgumentException("prior weights are finite numbers of at least 0, not " + weight + " and " + diagnosisWeight);
      }
    }

    /** No prior: every disease alike. */
    public static final Prior NONE = new Prior(0f, 0f);

    /**
     * The prevalence (a share of people) of a disease whose source states none: between the two
     * rarest classes, where most such diseases are.
     */
    public static final double DEFAULT_PREVALENCE = 1e-6;

    /** The prevalence the prior is measured from: a disease this rare or rarer has a prior of 1. */
    public static final double PREVALENCE_FLOOR = 1e-8;

    /**
     * These settings with another prevalence weight.
     *
     * @param weight the weight of the log prevalence
     * @return the changed settings
     */
    public Prior withWeight(float weight) {
      return new Prior(weight, diagnosisWeight);
    }

    /**
     * These settings with another weight of being a diagnosis.
     *
     * @param diagnosisWeight the score of a disease that is not a group
     * @return the changed settings
     */
    public Prior withDiagnosisWeight(float diagnosisWeight) {
      return new Prior(weight, diagnosisWeight);
    }
  }

  /**
   * Findings of onset and clinical course (the HPO's Clinical course branch, outside Phenotypic
   * abnormality, and plain phrasings of it: "from birth", "died as an infant", "since childhood"),
   * on an index with a vocabulary. When recognised, they leave the text query (their words name no
   * finding of the disease) and count as phenotype evidence against each disease's onset and course
   * data; a disease whose stated ages of onset are all far from the patient's (more than one age
   * class apart: antenatal, congenital or neonatal, infantile, childhood, juvenile, adult, late)
   * keeps {@code 1 - mismatch} of its score, as for a finding the patient lacks.
   *
   * @param recognised whether onset and course findings are recognised (false: they are text, as
   *     any unrecognised words)
   * @param mismatch the share of its score a disease whose onset contradicts the patient's loses,
   *     in [0, 1) (0: an onset never counts against)
   */
  public record Course(boolean recognised, float mismatch) {
    /** Checks the range. */
    public Course {
      if (!(mismatch >= 0 && mismatch < 1)) {
        throw new IllegalArgumentException("the onset mismatch is in [0, 1), not " + mismatch);
      }
    }

    /** Onset and course findings are words like any other. */
    public static final Course OFF = new Course(false, 0f);

    /**
     * These settings with another mismatch.
     *
     * @param mismatch the share of its score a disease whose onset contradicts the patient's loses
     * @return the changed settings
     */
    public Course withMismatch(float mismatch) {
      return new Course(recognised, mismatch);
    }
  }

  /**
   * Checks and copies the settings.
   *
   * @throws IllegalArgumentException when a field weight is below 1, or there are not three
   *     frequency weights
   */
  public RankingConfig {
    fieldWeights.forEach((field, weight) -> {
      Objects.requireNonNull(field);
      if (weight < 1) {
        throw new IllegalArgumentException("field weights must be at least 1: " + field + "=" + weight);
      }
    });
    fieldWeights = fieldWeights.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(fieldWeights));
    frequencyWeights = List.copyOf(frequencyWeights);
    Objects.requireNonNull(phenotypes, "phenotypes");
    Objects.requireNonNull(prior, "prior");
    Objects.requireNonNull(course, "course");
    if (frequencyWeights.size() != FREQUENCY_CLASSES) {
      throw new IllegalArgumentException("one frequency weight per class: very frequent, frequent, occasional");
    }
  }

  /**
   * The ranking RareSearch uses unless told otherwise.
   *
   * @return the default settings
   */
  public static RankingConfig defaults() {
    return builder().build();
  }

  /**
   * Starts from the default settings ({@link #defaults()}), to change some of them:
   *
   * <pre>{@code
   * RankingConfig noPhrases = RankingConfig.builder().phraseBoost(0).build();
   * }</pre>
   *
   * @return a builder holding the default settings
   */
  public static Builder builder() {
    Map<Field, Float> weights = new EnumMap<>(Field.class);
    weights.put(Field.SIGNS_AND_SYMPTOMS, 1f);
    weights.put(Field.GENERAL_DISCUSSION, 1f);
    weights.put(Field.OTHER_SECTIONS, 1f);
    // Names weigh more than text; every section counts (references aside), since a finding may be
    // named in the discussion or the classification as well as in Signs & Symptoms. Measured on the
    // evaluation sets: see docs/ranking.md.
    weights.put(Field.TITLE, 3f);
    weights.put(Field.SYNONYMS, 2f);
    weights.put(Field.SUBDIVISIONS, 1.5f);
    return new RankingConfig(weights, 0.3f, 1, 0.3f, 0.6f, 0.7f, 20f, 0f, List.of(1.3f, 1f, 0.7f), 1f, 0.3f,
        // The prior's weights were chosen on the dev sets by cross-validation with folds by gold
        // disease (docs/ranking.md); on an index without features (report files) it changes nothing.
        new Phenotypes(0.5f, 1f, 0.1f, 1e-4f, true), new Prior(0.4f, 5f), Course.OFF).toBuilder();
  }

  /**
   * Starts from these settings, to change some of them.
   *
   * @return a builder holding these settings
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Settings being changed, one setter per setting; {@link #build()} checks them. Not thread-safe.
   * The components of {@link RankingConfig} say what each setting does.
   */
  public static final class Builder {
    private Map<Field, Float> fieldWeights;
    private float phraseBoost;
    private int phraseSlop;
    private float coordinationBoost;
    private float findingMatchFraction;
    private float synonymWeight;
    private float nameBoost;
    private float exactFindingBoost;
    private List<Float> frequencyWeights;
    private float findingLengthNorm;
    private float qualifierWeight;
    private Phenotypes phenotypes;
    private Prior prior;
    private Course course;

    private Builder(RankingConfig from) {
      fieldWeights = from.fieldWeights;
      phraseBoost = from.phraseBoost;
      phraseSlop = from.phraseSlop;
      coordinationBoost = from.coordinationBoost;
      findingMatchFraction = from.findingMatchFraction;
      synonymWeight = from.synonymWeight;
      nameBoost = from.nameBoost;
      exactFindingBoost = from.exactFindingBoost;
      frequencyWeights = from.frequencyWeights;
      findingLengthNorm = from.findingLengthNorm;
      qualifierWeight = from.qualifierWeight;
      phenotypes = from.phenotypes;
      prior = from.prior;
      course = from.course;
    }

    /**
     * Sets the fields searched and their weights.
     *
     * @param weights the BM25F weight of each field to search (at least 1)
     * @return this builder
     */
    public Builder fieldWeights(Map<Field, Float> weights) {
      this.fieldWeights = Objects.requireNonNull(weights, "weights");
      return this;
    }

    /**
     * Sets the weight of a finding matched as a phrase.
     *
     * @param boost the weight (0: off)
     * @return this builder
     */
    public Builder phraseBoost(float boost) {
      this.phraseBoost = boost;
      return this;
    }

    /**
     * Sets how many positions apart the words of a phrase may be.
     *
     * @param slop the slop
     * @return this builder
     */
    public Builder phraseSlop(int slop) {
      this.phraseSlop = slop;
      return this;
    }

    /**
     * Sets the score a report earns for each finding it matches.
     *
     * @param boost the score (0: off)
     * @return this builder
     */
    public Builder coordinationBoost(float boost) {
      this.coordinationBoost = boost;
      return this;
    }

    /**
     * Sets the share of a finding's words that makes it matched.
     *
     * @param fraction the share
     * @return this builder
     */
    public Builder findingMatchFraction(float fraction) {
      this.findingMatchFraction = fraction;
      return this;
    }

    /**
     * Sets the weight of a finding's synonym variants.
     *
     * @param weight the weight (0: off)
     * @return this builder
     */
    public Builder synonymWeight(float weight) {
      this.synonymWeight = weight;
      return this;
    }

    /**
     * Sets the score of a report named by the query.
     *
     * @param boost the score (0: off)
     * @return this builder
     */
    public Builder nameBoost(float boost) {
      this.nameBoost = boost;
      return this;
    }

    /**
     * Sets the weight of a finding that is exactly one of a report's listed findings.
     *
     * @param boost the weight (0: off)
     * @return this builder
     */
    public Builder exactFindingBoost(float boost) {
      this.exactFindingBoost = boost;
      return this;
    }

    /**
     * Sets the weights of exact finding matches by frequency class.
     *
     * @param veryFrequent the weight of obligate and very frequent findings
     * @param frequent the weight of frequent findings (and those of unknown frequency)
     * @param occasional the weight of occasional and very rare findings
     * @return this builder
     */
    public Builder frequencyWeights(float veryFrequent, float frequent, float occasional) {
      this.frequencyWeights = List.of(veryFrequent, frequent, occasional);
      return this;
    }

    /**
     * Sets the exponent of the finding-length normalisation.
     *
     * @param exponent the exponent (0: none, 1: by the finding's length)
     * @return this builder
     */
    public Builder findingLengthNorm(float exponent) {
      this.findingLengthNorm = exponent;
      return this;
    }

    /**
     * Sets the weight of qualifier words.
     *
     * @param weight the weight (1: like other words)
     * @return this builder
     */
    public Builder qualifierWeight(float weight) {
      this.qualifierWeight = weight;
      return this;
    }

    /**
     * Sets how phenotype ranking works.
     *
     * @param settings the phenotype ranking settings
     * @return this builder
     */
    public Builder phenotypes(Phenotypes settings) {
      this.phenotypes = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets how much what is known of a disease before any finding counts.
     *
     * @param settings the prior's settings ({@link Prior#NONE}: off)
     * @return this builder
     */
    public Builder prior(Prior settings) {
      this.prior = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Sets how findings of onset and clinical course are read.
     *
     * @param settings the settings ({@link Course#OFF}: as words)
     * @return this builder
     */
    public Builder course(Course settings) {
      this.course = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The settings.
     *
     * @return the settings
     * @throws IllegalArgumentException when a field weight is below 1
     */
    public RankingConfig build() {
      return new RankingConfig(fieldWeights, phraseBoost, phraseSlop, coordinationBoost, findingMatchFraction, synonymWeight,
          nameBoost, exactFindingBoost, frequencyWeights, findingLengthNorm, qualifierWeight, phenotypes, prior, course);
    }
  }
}
