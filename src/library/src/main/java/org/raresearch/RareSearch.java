package org.raresearch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.raresearch.analysis.Analyzers;
import org.raresearch.analysis.SymptomSynonyms;
import org.raresearch.api.IngestProgress;
import org.raresearch.api.IngestResult;
import org.raresearch.api.NameMatch;
import org.raresearch.api.RankingConfig;
import org.raresearch.api.ScoredId;
import org.raresearch.api.SearchResults;
import org.raresearch.api.Suggestion;
import org.raresearch.errors.IndexAccessException;
import org.raresearch.errors.InputFileException;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.errors.RareSearchException;
import org.raresearch.errors.SearchTimeoutException;
import org.raresearch.errors.UnindexableReportException;
import org.raresearch.index.DerivedIndex;
import org.raresearch.index.DiseaseExport;
import org.raresearch.index.IndexErrors;
import org.raresearch.index.IndexFolder;
import org.raresearch.index.IndexSchema;
import org.raresearch.index.OpenIndex;
import org.raresearch.index.Ingest;
import org.raresearch.index.StoredReports;
import org.raresearch.query.QueryText;
import org.raresearch.report.DiseaseReport;
import org.raresearch.search.hits.SymptomSearcher;
import org.raresearch.search.names.NameResolver;
import org.raresearch.search.suggest.Suggester;
import org.raresearch.search.suggest.SuggestionSources;
import org.raresearch.search.symptoms.FindingExpansion;
import org.raresearch.search.symptoms.HpoFindingExpansion;
import org.raresearch.sources.ReportFolder;
import org.raresearch.sources.ReportSource;
import org.raresearch.vocabulary.HpoOntology;
import org.raresearch.api.PatientCase;
import org.raresearch.api.Question;
import org.raresearch.search.ask.NextQuestions;
import org.raresearch.query.QueryReader;
import org.raresearch.query.QueryReading;

/**
 * RareSearch: searches an index of rare-disease reports by symptoms and resolves disease names.
 *
 * <pre>{@code
 * try (RareSearch rare = RareSearch.open(Path.of("index"))) {
 *   rare.sync(Path.of("reports"));
 *   for (SearchHit hit : rare.search("heliotrope rash, proximal muscle weakness", 10).hits()) {
 *     System.out.println(hit.title() + " " + hit.matchedSections());
 *   }
 *   rare.resolve("dermatomyocitis").forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>An instance opened for writing ({@link #open(Path)}) holds the index's write lock, and its
 * searches see its own changes at once, before they are committed (near-real-time). A read-only
 * instance ({@link Builder#readOnly()}) takes no lock and sees what other writers commit within a
 * second. Every method is safe to call from many threads at once. Close the instance when done.
 *
 * <p>Every search, ranking and name resolution has a time budget ({@link
 * Builder#searchTimeout(Duration)}, {@value #DEFAULT_SEARCH_TIMEOUT_MILLIS} ms unless set); one that
 * runs past it throws {@link SearchTimeoutException} instead of returning partial results.
 */
public final class RareSearch implements AutoCloseable {
  /** The most hits one search may ask for. */
  public static final int MAX_LIMIT = 10_000;
  /** The longest symptom query accepted, in characters. */
  public static final int MAX_QUERY_CHARS = QueryText.MAX_QUERY_CHARS;
  /** The longest name {@link #resolve(String, int)} accepts, in characters. */
  public static final int MAX_NAME_CHARS = QueryText.MAX_NAME_CHARS;
  /**
   * The version of the index layout this RareSearch writes and reads; it is recorded in every
   * commit, and an index of another version must be rebuilt.
   */
  public static final int SCHEMA_VERSION = IndexSchema.VERSION;
  /** The time budget of one search unless {@link Builder#searchTimeout(Duration)} sets another. */
  public static final long DEFAULT_SEARCH_TIMEOUT_MILLIS = 2_000;

  private final OpenIndex index;
  private final SymptomSearcher symptoms;
  private final HpoOntology ontology;
  private final NextQuestions questions;
  private final NameResolver names = new NameResolver();
  private final Suggester suggester;
  private final Duration searchTimeout;
  private final List<String> warnings;

  private RareSearch(Builder builder) {
    if (builder.readOnly && builder.rebuild) {
      throw new IllegalStateException("an index opened read-only cannot be rebuilt");
    }
    if (builder.reportsFolder != null && builder.rebuild) {
      throw new IllegalStateException("an index derived from a folder is rebuilt when it must be, not on request");
    }
    this.searchTimeout = builder.searchTimeout;
    // The files given are read before the index is opened: a bad one must leave the folder as it was.
    List<String> skipped = new ArrayList<>();
    HpoOntology given = builder.hpoOntology;
    if (given == null && builder.hpo != null) {
      given = HpoOntology.load(builder.hpo);
      skipped.addAll(given.warnings());
    }
    SynonymMap synonyms = SymptomSynonyms.load(builder.defaultSynonyms, builder.synonymFiles, skipped::add);
    this.index = builder.reportsFolder == null
        ? OpenIndex.open(builder.path, builder.readOnly, builder.rebuild)
        : DerivedIndex.open(builder.path, builder.reportsFolder, builder.readOnly, builder.derivationProgress);
    try {
      HpoOntology ontology = given != null ? given : index.vocabulary().orElse(null);
      Analyzer queryAnalyzer = Analyzers.textQuery(synonyms);
      FindingExpansion expansion = ontology == null || !builder.ranking.phenotypes().namesInText()
          ? FindingExpansion.NONE
          : HpoFindingExpansion.withDefaults(ontology);
      this.symptoms = new SymptomSearcher(queryAnalyzer, builder.ranking, expansion, ontology);
      this.ontology = ontology;
      this.questions = ontology == null ? null : new NextQuestions(ontology, NextQuestions.TEMPERATURE);
      this.suggester = new Suggester(SuggestionSources.of(expansion));
      this.warnings = List.copyOf(skipped);
    } catch (RuntimeException e) {
      // Nothing was written: release the index without committing.
      try {
        index.closeWithoutCommit();
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /**
   * Opens (or creates) the index at {@code path} for searching and writing, with the default
   * ranking and synonyms. An absent or empty folder gets a new index; a folder holding anything but
   * a RareSearch index is refused and left as it is.
   *
   * @param path the index directory
   * @return the open instance, to close when done
   * @throws IndexAccessException when the index is in use, of another schema, damaged, not writable,
   *     or the folder holds something else
   */
  public static RareSearch open(Path path) {
    return builder(path).open();
  }

  /**
   * Starts configuring a RareSearch over the index at {@code path}.
   *
   * @param path the index directory
   * @return a builder with the default settings
   */
  public static Builder builder(Path path) {
    return new Builder(path);
  }

  /** Options for opening a {@link RareSearch}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private final Path path;
    private boolean readOnly;
    private boolean rebuild;
    private boolean defaultSynonyms = true;
    private final List<Path> synonymFiles = new ArrayList<>();
    private RankingConfig ranking = RankingConfig.defaults();
    private Path hpo;
    private HpoOntology hpoOntology;
    private Duration searchTimeout = Duration.ofMillis(DEFAULT_SEARCH_TIMEOUT_MILLIS);
    private Path reportsFolder;
    private IngestProgress derivationProgress;

    private Builder(Path path) {
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Opens the index for reading only: no lock is taken, write methods throw, and searches see
     * what other writers commit within a second.
     *
     * @return this builder
     */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /**
     * Opens the index for writing and starts it anew: the instance sees no report, and its first
     * commit (a {@link RareSearch#sync} or {@link RareSearch#ingest}, {@link RareSearch#commit()} or closing it)
     * replaces the whole index, whatever schema it was written with. Readers of the old index keep
     * their point-in-time view until they reopen. Allowed only for an absent or empty folder or one
     * that holds a RareSearch index (told by its commit data); any other folder is refused and left
     * as it is. Cannot be combined with {@link #readOnly()}.
     *
     * @return this builder
     */
    public Builder rebuild() {
      this.rebuild = true;
      return this;
    }

    /**
     * Adds lay and clinical synonyms from a file in the Solr synonym format: equivalent terms on one
     * line, separated by commas; {@code #} starts a comment.
     *
     * @param file a UTF-8 synonym file, read when the index is opened
     * @return this builder
     */
    public Builder addSynonyms(Path file) {
      synonymFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Leaves out the synonyms RareSearch ships, keeping only files added with {@link #addSynonyms}.
     *
     * @return this builder
     */
    public Builder withoutDefaultSynonyms() {
      this.defaultSynonyms = false;
      return this;
    }

    /**
     * Recognises findings in queries as Human Phenotype Ontology terms (labels and synonyms, lay
     * synonyms included) and searches also for their synonyms and, with a lower weight, their
     * ancestors.
     *
     * @param ontology an HPO release: {@code hp.json}, {@code hp.obo}, optionally gzip-compressed
     * @return this builder
     */
    public Builder hpo(Path ontology) {
      this.hpo = Objects.requireNonNull(ontology, "ontology");
      this.hpoOntology = null;
      return this;
    }

    /**
     * {@link #hpo(Path)} with an ontology already loaded, so that one instance serves both the
     * queries and an import ({@link org.raresearch.sources.HpoAnnotationSource}) without reading the
     * release twice.
     *
     * <pre>{@code
     * HpoOntology hpo = HpoOntology.load(Path.of("hp.json.gz"));
     * try (RareSearch rare = RareSearch.builder(index).hpo(hpo).open()) {
     *   rare.ingest(new HpoAnnotationSource(Path.of("phenotype.hpoa"), hpo), IngestProgress.NONE);
     * }
     * }</pre>
     *
     * @param ontology the loaded ontology
     * @return this builder
     */
    public Builder hpo(HpoOntology ontology) {
      this.hpoOntology = Objects.requireNonNull(ontology, "ontology");
      this.hpo = null;
      return this;
    }

    /**
     * Ranks with other settings than {@link RankingConfig#defaults()}.
     *
     * @param config the ranking settings
     * @return this builder
     */
    public Builder ranking(RankingConfig config) {
      this.ranking = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets how long one search, ranking or name resolution may run before it is stopped with a
     * {@link SearchTimeoutException}; {@value RareSearch#DEFAULT_SEARCH_TIMEOUT_MILLIS} ms unless set. The
     * budget covers matching and scoring, where a hostile or huge query spends its time.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when it is zero or negative
     */
    public Builder searchTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("the search timeout must be positive, not " + timeout);
      }
      this.searchTimeout = timeout;
      return this;
    }

    /**
     * Declares the index derived from a folder of report files: as it is opened, it is built when
     * missing, rebuilt when it is a RareSearch index of another schema or damaged, and synced
     * ({@link RareSearch#sync}) when a report file, or the folder, changed after its last commit; a
     * folder that holds anything but a RareSearch index is refused, as always. It is opened as
     * asked, read-only too. Cannot be combined with {@link #rebuild()}.
     *
     * @param reportsFolder the folder of {@code .txt} report files the index is made from
     * @param progress told when the index starts to be brought in step ({@link
     *     IngestProgress#started}), of each file, and of what changed ({@link IngestProgress#finished})
     * @return this builder
     */
    public Builder derivedFrom(Path reportsFolder, IngestProgress progress) {
      this.reportsFolder = Objects.requireNonNull(reportsFolder, "reportsFolder");
      this.derivationProgress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Opens the index. Lines over the limit of a synonym file or an HPO file given by path are
     * skipped and listed in {@link RareSearch#warnings()}.
     *
     * @return the open instance, to close when done
     * @throws IndexAccessException when the index cannot be used
     * @throws InputFileException when a synonym or HPO file, or the folder the index is derived
     *     from, cannot be read or is malformed
     * @throws IllegalStateException when {@link #rebuild()} was asked for with {@link #readOnly()}
     *     or {@link #derivedFrom}
     */
    public RareSearch open() {
      return new RareSearch(this);
    }
  }

  /**
   * Finds the diseases that best fit a free-text symptom query.
   *
   * @param query findings as a clinician or patient writes them, separated by commas, semicolons,
   *     line breaks or sentences (a case description); "quoted text" must match as a phrase. Never
   *     parsed as Lucene syntax.
   * @param limit the most hits to return, from 1 to {@value #MAX_LIMIT}
   * @return the hits, best first, each with the sections that matched and snippets from them
   * @throws InvalidQueryException when the query is empty, too long or has nothing to search for
   * @throws SearchTimeoutException when the search runs past its time budget
   */
  public SearchResults search(String query, int limit) {
    checkLimit(limit);
    return index.search(query, "searching index", searchTimeout, searcher -> symptoms.search(searcher, query, limit));
  }

  /**
   * Finds the diseases that best fit a structured case: its findings each read as one finding of
   * a query (an HPO id or words), those it excludes as findings the patient lacks. A case of ids
   * ranks as the query of their terms' labels.
   *
   * @param patient the case, such as {@link Phenopackets#read} gives
   * @param limit the most hits to return, from 1 to {@value #MAX_LIMIT}
   * @return the hits, best first, as for {@link #search(String, int)}
   * @throws InvalidQueryException when the case has no finding to search for, or too long a one
   * @throws SearchTimeoutException when the search runs past its time budget
   */
  public SearchResults searchCase(PatientCase patient, int limit) {
    checkLimit(limit);
    QueryReading reading = read(patient);
    return index.search(reading.text(), "searching index", searchTimeout, searcher -> symptoms.search(searcher, reading, limit));
  }

  /**
   * The ids of the best reports for a structured case, without snippets, as {@link
   * #rank(String, int)} for a query.
   *
   * @param patient the case
   * @param limit the most ids to return, from 1 to {@value #MAX_LIMIT}
   * @return the report ids with their scores, best first
   * @throws InvalidQueryException when the case has no finding to search for
   * @throws SearchTimeoutException when the ranking runs past its time budget
   */
  public List<ScoredId> rankCase(PatientCase patient, int limit) {
    checkLimit(limit);
    QueryReading reading = read(patient);
    return index.search(reading.text(), "searching index", searchTimeout, searcher -> symptoms.rank(searcher, reading, limit));
  }

  private QueryReading read(PatientCase patient) {
    Objects.requireNonNull(patient, "patient");
    if (patient.findings().isEmpty()) {
      throw new InvalidQueryException("the case " + (patient.id().isEmpty() ? "" : patient.id() + " ") + "has no findings");
    }
    return symptoms.reader().read(patient.findings().stream()
        .map(f -> new QueryReader.Written(f.text(), f.excluded())).toList());
  }

  /**
   * The findings worth asking about next for a symptom query: those whose answer would best tell
   * apart the diseases it ranks first (by expected information gain over the top {@value
   * NextQuestions#CANDIDATES}, their scores taken as odds and their annotated phenotypes as what
   * each has, and how often). Never a finding the query names, implies (an ancestor of one of its
   * findings' terms) or excludes.
   *
   * @param query findings, as for {@link #search(String, int)}
   * @param count the most questions to return, from 1 to {@value #MAX_QUESTIONS}
   * @return the questions, best first; empty when the index has no vocabulary or nothing tells the
   *     top diseases apart
   * @throws InvalidQueryException when the query is empty, too long or has nothing to search for,
   *     or the count is out of range
   * @throws SearchTimeoutException when the ranking runs past its time budget
   */
  public List<Question> ask(String query, int count) {
    checkQuestions(count);
    QueryReading reading = symptoms.reader().read(query);
    return ask(reading, count);
  }

  /**
   * The findings worth asking about next for a structured case, as {@link #ask(String, int)}.
   *
   * @param patient the case
   * @param count the most questions to return, from 1 to {@value #MAX_QUESTIONS}
   * @return the questions, best first
   * @throws InvalidQueryException when the case has no finding to search for, or the count is out
   *     of range
   * @throws SearchTimeoutException when the ranking runs past its time budget
   */
  public List<Question> askCase(PatientCase patient, int count) {
    checkQuestions(count);
    return ask(read(patient), count);
  }

  /** The most questions {@link #ask} returns. */
  public static final int MAX_QUESTIONS = 20;

  private List<Question> ask(QueryReading reading, int count) {
    if (questions == null) {
      return List.of();
    }
    return index.search(reading.text(), "choosing questions in index", searchTimeout, searcher -> questions.ask(
        searcher.getIndexReader(), reading, symptoms.rank(searcher, reading, NextQuestions.CANDIDATES), count));
  }

  private static void checkQuestions(int count) {
    if (count < 1 || count > MAX_QUESTIONS) {
      throw new InvalidQueryException("the number of questions must be between 1 and " + MAX_QUESTIONS + ", not " + count);
    }
  }

  /**
   * The vocabulary findings are recognised in: the ontology given with {@link Builder#hpo}, or the
   * one the index keeps.
   *
   * @return the ontology, or empty when there is none
   */
  public Optional<HpoOntology> vocabulary() {
    return Optional.ofNullable(ontology);
  }

  /**
   * The ids of the best reports for a query, without snippets: the fast path for evaluation.
   * Reports of linked sources are not merged into one hit, as {@link #search} merges them.
   *
   * @param query findings, as for {@link #search(String, int)}
   * @param limit the most ids to return, from 1 to {@value #MAX_LIMIT}
   * @return the report ids with their scores, best first
   * @throws InvalidQueryException when the query is empty, too long or has nothing to search for
   * @throws SearchTimeoutException when the ranking runs past its time budget
   */
  public List<ScoredId> rank(String query, int limit) {
    checkLimit(limit);
    return index.search(query, "searching index", searchTimeout, searcher -> symptoms.rank(searcher, query, limit));
  }

  /**
   * Resolves a disease name (title, synonym, abbreviation, subdivision, or a near miss) to the
   * reports it names, at most 10.
   *
   * @param name a name as a user writes it
   * @return candidates, surest first
   * @throws InvalidQueryException when the name is blank, too long or has no letters or digits
   * @throws SearchTimeoutException when the resolution runs past its time budget
   * @see #resolve(String, int)
   */
  public List<NameMatch> resolve(String name) {
    return resolve(name, 10);
  }

  /**
   * Resolves a disease name to the reports it names. A name shared by several reports returns all
   * of them.
   *
   * @param name a name as a user writes it, e.g. {@code ADM}, {@code dermatomyocitis}
   * @param limit the most candidates to return, from 1 to {@value #MAX_LIMIT}
   * @return candidates, surest first, each saying how it matched and how sure it is
   * @throws InvalidQueryException when the name is blank, too long or has no letters or digits
   * @throws SearchTimeoutException when the resolution runs past its time budget
   */
  public List<NameMatch> resolve(String name, int limit) {
    checkLimit(limit);
    return index.search(name, "resolving a name in index", searchTimeout, searcher -> names.resolve(searcher, name, limit));
  }

  /**
   * Completes what a user has typed so far into disease names (titles and synonyms) and, when
   * there is an HPO ontology (given with {@link Builder#hpo(Path)} or kept by the index), findings. Every word of a name can be completed;
   * names whose first word matches come first. The lookup is built on the first call (seconds for
   * 10,000 reports; a server can make that call when it starts) and again on the first call after
   * the index changed, while other callers are answered from the previous one.
   *
   * @param prefix the text typed so far, such as {@code dermato} or {@code proximal musc}
   * @param limit the most suggestions to return, from 1 to {@value #MAX_LIMIT}
   * @return suggestions, best first, each text once
   * @throws InvalidQueryException when the text is blank or longer than {@value
   *     Suggester#MAX_PREFIX_CHARS} characters
   */
  public List<Suggestion> suggest(String prefix, int limit) {
    checkLimit(limit);
    return index.search(prefix, "suggesting names from index", searchTimeout,
        searcher -> suggester.suggest(searcher.getIndexReader(), prefix, limit));
  }

  /**
   * The whole report with this id, as indexed.
   *
   * @param id a report id, as hits and name matches give it
   * @return the report, or empty when the index has none with this id
   */
  public Optional<DiseaseReport> get(String id) {
    Objects.requireNonNull(id, "id");
    return index.read("reading report " + id + " from index", searcher -> StoredReports.get(searcher.getIndexReader(), id));
  }

  /**
   * The diseases a report is part of, by the ids hits name them by: a disease is named by its
   * Orphanet report when it has one, so the HPO's annotations of {@code OMIM_154700} are part of
   * {@code ORPHA_558} when Orphanet maps the two exactly.
   *
   * @param reportId a report id, such as {@code OMIM_154700}
   * @return the disease ids, in order; empty when the index holds no such report
   */
  public List<String> diseasesOf(String reportId) {
    Objects.requireNonNull(reportId, "reportId");
    return index.read("looking up report " + reportId + " in index", searcher -> StoredReports.diseasesOf(searcher.getIndexReader(), reportId));
  }

  /**
   * The number of reports in the index, as searches now see it.
   *
   * @return the number of reports
   */
  public int count() {
    return index.read("counting reports in index", StoredReports::count);
  }

  /**
   * Hands each disease that searches rank to {@code each}, as the values of its indexed fields, one
   * at a time: for loading the same documents into a search engine that maps the same fields (the
   * OpenSearch plugin's mappings). Reads the index as searches now see it.
   *
   * @param each receives each disease
   * @return the number of diseases handed out
   */
  public long forEachDisease(java.util.function.Consumer<org.raresearch.api.DiseaseFields> each) {
    Objects.requireNonNull(each, "each");
    HpoOntology vocabulary = index.vocabulary().orElse(null);
    return index.read("exporting the diseases of index", searcher -> DiseaseExport.forEach(searcher.getIndexReader(), vocabulary, each));
  }

  /**
   * Opens the index as it is now for the searches that start from now on, and says whether it had
   * changed. A read-only instance sees what another process committed (it also looks by itself as
   * searches come, at most once a second: call this to look sooner, or away from the searches); a
   * writable one sees its own changes. Searches under way finish on the view they started with, so
   * none fails because of the swap.
   *
   * @return whether searches now see a newer view of the index than before the call
   * @throws IndexAccessException when the index's latest commit cannot be read (damaged, removed)
   */
  public boolean refresh() {
    return index.reopen();
  }

  /**
   * Reads every file of the index as searches now see it and verifies its checksum, so damage that
   * searches have not touched yet is found. Takes about as long as reading the index from disk once.
   *
   * @return the number of reports in the index
   * @throws IndexAccessException with {@link IndexAccessException.Reason#CORRUPT} and how to rebuild
   *     the index when a file is damaged
   */
  public int verify() {
    return index.verify();
  }

  /**
   * Adds a report, or replaces the one with the same id; searches see it at once. Call {@link
   * #commit()} (or close) to make it durable.
   *
   * @param report the report
   * @throws UnindexableReportException when the index cannot hold the report (an id, name or
   *     finding thousands of characters long); the index is unchanged
   * @throws RareSearchException when this instance was opened read-only, or the index cannot be written
   */
  public void update(DiseaseReport report) {
    index.writer().update(report);
    index.refresh();
  }

  /**
   * Deletes the report with this id, if any; searches stop seeing it at once.
   *
   * @param id the report id
   * @throws RareSearchException when this instance was opened read-only, or the index cannot be written
   */
  public void delete(String id) {
    index.writer().delete(id);
    index.refresh();
  }

  /**
   * Makes the changes so far durable.
   *
   * @throws RareSearchException when this instance was opened read-only, or the index cannot be written
   */
  public void commit() {
    index.writer().commit();
  }

  /**
   * Brings the index in step with a source of reports and commits: new and changed reports are
   * written, unchanged ones skipped (a report file unchanged is not even parsed), reports of the
   * source's origin that it no longer holds deleted once it was read to its end; reports of other
   * origins are left alone, and a report whose id one of them holds is rejected. Records that cannot
   * be read are listed in the result and do not stop the run; the index keeps any earlier version of
   * their report. The work is committed in batches of 1,000 reports: a run that is killed keeps what
   * it committed, and running it again finishes the job. Searches see the changes at once.
   *
   * @param source a folder of report files ({@link ReportFolder}), or open data such as {@link
   *     org.raresearch.sources.OrphanetSource} or {@link org.raresearch.sources.HpoAnnotationSource}
   * @param progress told as the source is read
   * @return what changed
   * @throws InputFileException when the source cannot be read to its end (nothing is then deleted)
   * @throws RareSearchException when this instance was opened read-only, or the index cannot be written
   */
  public IngestResult ingest(ReportSource source, IngestProgress progress) {
    try {
      return Ingest.run(index.writer(), source, progress);
    } finally {
      index.refresh();
    }
  }

  /**
   * Makes the index hold exactly the report files of a folder: {@link #ingest} of a {@link
   * ReportFolder}, without progress reports.
   *
   * @param reportsFolder a folder of {@code .txt} report files
   * @return what changed
   * @throws InputFileException when the folder cannot be listed
   * @throws RareSearchException when this instance was opened read-only, or the index cannot be written
   */
  public IngestResult sync(Path reportsFolder) {
    return ingest(new ReportFolder(reportsFolder), IngestProgress.NONE);
  }

  /**
   * The index directory.
   *
   * @return the path this instance was opened with
   */
  public Path path() {
    return index.path();
  }

  /**
   * What was skipped while opening: lines over the limit in a synonym file or in an HPO file given
   * by path, each as {@code file:line: reason}. Empty when nothing was.
   *
   * @return the warnings, in the order they were found
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * The report folder the index was last brought in step with ({@link #sync(Path)}, {@link
   * #ingest} of a {@link ReportFolder}), as its last commit records it.
   *
   * @return the directory, or empty when the index records none (it was built by imports only, or
   *     its changes are not committed yet)
   * @throws IndexAccessException when the index cannot be read
   */
  public Optional<Path> reportsDirectory() {
    return IndexFolder.recordedSource(index.path());
  }

  /**
   * Commits pending changes (when writable) and releases the index.
   *
   * @throws IndexAccessException when the changes cannot be committed or the index not released
   */
  @Override
  public void close() {
    try (Closeable c0 = suggester; Closeable c1 = index) {
      // closed in reverse order
    } catch (IOException e) {
      throw IndexErrors.translate(index.path(), e);
    }
  }

  private static void checkLimit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidQueryException("the limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
  }
}
