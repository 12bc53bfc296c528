package org.raresearch.search.queries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermStatistics;
import org.raresearch.api.RankingConfig;
import org.raresearch.index.IndexSchema;

/**
 * The evidence one phenotype term of a query gives each disease (see {@code PhenotypeQueryBuilder}):
 * the best, over the term and its ancestors in the disease's profile, of its share of patients
 * times the term's specificity relative to the matched one, times the back-off factor for an
 * ancestor, on a log scale above the floor.
 *
 * <p>The numbers of diseases that have each term are read when the query is rewritten, from the
 * searcher's term statistics: a searcher over several shards that shares its statistics (as
 * OpenSearch's DFS query-then-fetch does) gives every shard the same constants, so a disease
 * scores the same wherever it is. The rewritten query is a {@link DisjunctionMaxQuery} of {@link
 * PhenotypeTermQuery}s.
 *
 * <p>A query for a ranking's first stage, which only gathers candidates, may leave out the
 * ancestors that most diseases have ({@link #gathering}): their postings are most of the work of
 * the query (the root of the phenotypes is in every profile) and their evidence, being shared by
 * nearly every disease, hardly moves one candidate above another. The term itself always counts.
 */
public final class PhenotypeEvidenceQuery extends Query {
  private final List<String> lineage;
  private final RankingConfig.Phenotypes settings;
  private final double mostCommonAncestor;
  private final int fewDiseases;

  /** So many diseases' postings cost little to read: an ancestor this common always counts. */
  public static final int FEW_DISEASES = 1_000;

  /**
   * The whole evidence, every ancestor counted.
   *
   * @param lineage the query term's id, then its ancestors' (see {@code HpoOntology.lineage})
   * @param settings the phenotype ranking's settings
   */
  public PhenotypeEvidenceQuery(List<String> lineage, RankingConfig.Phenotypes settings) {
    this(lineage, settings, 1.0, FEW_DISEASES);
  }

  private PhenotypeEvidenceQuery(List<String> lineage, RankingConfig.Phenotypes settings, double mostCommonAncestor, int fewDiseases) {
    if (lineage.isEmpty()) {
      throw new IllegalArgumentException("a lineage starts with the query's term");
    }
    if (!(mostCommonAncestor > 0 && mostCommonAncestor <= 1)) {
      throw new IllegalArgumentException("the share of diseases is in (0, 1], not " + mostCommonAncestor);
    }
    this.lineage = List.copyOf(lineage);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.mostCommonAncestor = mostCommonAncestor;
    this.fewDiseases = fewDiseases;
  }

  /**
   * The evidence for gathering candidates: the ancestors held by more than {@code share} of the
   * diseases with a phenotype profile, and by more than {@value #FEW_DISEASES}, are left out (the
   * term itself never is).
   *
   * @param lineage the query term's id, then its ancestors'
   * @param settings the phenotype ranking's settings
   * @param share the largest share of diseases an ancestor may have to count, in (0, 1]
   */
  public static PhenotypeEvidenceQuery gathering(List<String> lineage, RankingConfig.Phenotypes settings, double share) {
    return new PhenotypeEvidenceQuery(lineage, settings, share, FEW_DISEASES);
  }

  /** {@link #gathering} with another number of diseases below which an ancestor always counts. */
  static PhenotypeEvidenceQuery gathering(List<String> lineage, RankingConfig.Phenotypes settings, double share, int fewDiseases) {
    return new PhenotypeEvidenceQuery(lineage, settings, share, fewDiseases);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    String self = lineage.getFirst();
    double count = Math.max(1, diseases(searcher, self));
    double mostDiseases = mostCommonAncestor >= 1 ? Double.POSITIVE_INFINITY : Math.max(fewDiseases, mostCommonAncestor * profiles(searcher));
    List<Query> ways = new ArrayList<>();
    for (String ancestorOrSelf : lineage) {
      long diseases = diseases(searcher, ancestorOrSelf);
      if (diseases == 0 || (diseases > mostDiseases && !ancestorOrSelf.equals(self))) {
        continue;
      }
      double evidence = Math.pow(count / Math.max(count, diseases), settings.specificity())
          * (ancestorOrSelf.equals(self) ? 1 : settings.ancestorFactor());
      float bonus = (float) (Math.log(evidence) - Math.log(settings.floor()));
      if (evidence > 0 && bonus > 0) {
        ways.add(new PhenotypeTermQuery(new Term(IndexSchema.PHENOTYPE, ancestorOrSelf), bonus));
      }
    }
    if (ways.isEmpty()) {
      return new MatchNoDocsQuery("no disease has " + self + " or an ancestor worth matching");
    }
    return ways.size() == 1 ? ways.getFirst() : new DisjunctionMaxQuery(ways, 0f);
  }

  /** How many diseases have a term, as the searcher's statistics tell (across shards when shared). */
  private static long diseases(IndexSearcher searcher, String termId) throws IOException {
    Term term = new Term(IndexSchema.PHENOTYPE, termId);
    TermStates states = TermStates.build(searcher, term, true);
    if (states.docFreq() == 0) {
      return 0;
    }
    TermStatistics statistics = searcher.termStatistics(term, states.docFreq(), states.totalTermFreq());
    return statistics == null ? 0 : statistics.docFreq();
  }

  /** How many diseases have a phenotype profile, as the searcher's statistics tell. */
  private static long profiles(IndexSearcher searcher) throws IOException {
    CollectionStatistics statistics = searcher.collectionStatistics(IndexSchema.PHENOTYPE);
    return statistics == null ? 0 : statistics.docCount();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(IndexSchema.PHENOTYPE)) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String field) {
    String ancestors = mostCommonAncestor >= 1 ? "" : ", ancestors held by at most " + mostCommonAncestor + " of diseases";
    return "phenotypeEvidence(" + String.join(" < ", lineage) + ancestors + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && lineage.equals(((PhenotypeEvidenceQuery) other).lineage)
        && settings.equals(((PhenotypeEvidenceQuery) other).settings)
        && mostCommonAncestor == ((PhenotypeEvidenceQuery) other).mostCommonAncestor
        && fewDiseases == ((PhenotypeEvidenceQuery) other).fewDiseases;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * classHash() + lineage.hashCode()) + settings.hashCode()) + Double.hashCode(mostCommonAncestor) + 17 * fewDiseases;
  }
}
