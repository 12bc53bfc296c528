package org.raresearch.search.queries;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.raresearch.index.PhenotypeProfile;

/**
 * A query whose scores are lowered for the diseases the patient's findings contradict: a disease
 * that has a finding the patient does not have keeps {@code 1 - share} of its score, at least
 * {@link #FLOOR}, the share being how often the disease has the finding (obligate findings count
 * the most, rare ones hardly). Each factor is raised to the power of how surely the finding was
 * recognised.
 *
 * <p>Scores only go down, so the wrapped query's score bounds stay valid and top-k searches keep
 * skipping what cannot compete.
 */
public final class ContradictedQuery extends Query {
  /** The least share of its score a contradicted disease keeps, per contradiction. */
  static final double FLOOR = 0.05;

  /**
   * One finding the patient does not have, or one at odds with what a disease has.
   *
   * @param term the term whose presence in a disease's profile contradicts the finding
   * @param confidence how surely the finding was recognised, the factor's exponent
   * @param unless terms any one of which, in the profile, lifts the contradiction (a patient's
   *     onset is contradicted by a disease's having an age of onset, unless it has a near one)
   * @param share the share of patients the factor is taken of; negative for the share the profile
   *     gives {@code term}
   */
  public record Contradiction(Term term, double confidence, List<Term> unless, double share) {
    /** Copies the list. */
    public Contradiction {
      Objects.requireNonNull(term, "term");
      unless = List.copyOf(unless);
    }

    /**
     * A finding the patient does not have, counted by how often the disease has it.
     *
     * @param term its term in the phenotype profile field
     * @param confidence how surely the finding was recognised
     */
    public Contradiction(Term term, double confidence) {
      this(term, confidence, List.of(), -1);
    }

    /** The share the factor is taken of, for a profile that gives the term this share. */
    double shareGiven(double profileShare) {
      return share < 0 ? profileShare : share;
    }
  }

  private final Query query;
  private final List<Contradiction> contradictions;

  public ContradictedQuery(Query query, List<Contradiction> contradictions) {
    this.query = Objects.requireNonNull(query, "query");
    this.contradictions = List.copyOf(contradictions);
  }

  /** The factor of one contradiction for a disease whose profile gives the term this share. */
  static double factor(Contradiction contradiction, double share) {
    return Math.pow(Math.max(FLOOR, 1 - share), contradiction.confidence());
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = query.rewrite(searcher);
    return rewritten == query ? super.rewrite(searcher) : new ContradictedQuery(rewritten, contradictions);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    Weight inner = query.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    return new Weight(this) {
      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return inner.isCacheable(context);
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        Explanation explanation = inner.explain(context, doc);
        if (!explanation.isMatch()) {
          return explanation;
        }
        double factor = 1;
        List<Explanation> details = new ArrayList<>();
        details.add(explanation);
        for (Contradiction contradiction : contradictions) {
          PostingsEnum postings = context.reader().postings(contradiction.term(), PostingsEnum.FREQS);
          if (postings != null && postings.advance(doc) == doc && !lifted(context, contradiction, doc)) {
            double f = factor(contradiction, contradiction.shareGiven(PhenotypeProfile.decode(postings.freq())));
            factor *= f;
            details.add(Explanation.match((float) f, String.format(Locale.ROOT, "contradicted by %s", contradiction.term())));
          }
        }
        return Explanation.match((float) (explanation.getValue().doubleValue() * factor), "score x contradictions", details);
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        ScorerSupplier supplier = inner.scorerSupplier(context);
        if (supplier == null) {
          return null;
        }
        List<PostingsEnum> postings = new ArrayList<>();
        List<List<PostingsEnum>> lifting = new ArrayList<>();
        List<Contradiction> present = new ArrayList<>();
        for (Contradiction contradiction : contradictions) {
          PostingsEnum p = context.reader().postings(contradiction.term(), PostingsEnum.FREQS);
          if (p != null) {
            postings.add(p);
            present.add(contradiction);
            List<PostingsEnum> unless = new ArrayList<>();
            for (Term term : contradiction.unless()) {
              PostingsEnum u = context.reader().postings(term, PostingsEnum.NONE);
              if (u != null) {
                unless.add(u);
              }
            }
            lifting.add(unless);
          }
        }
        if (postings.isEmpty()) {
          return supplier;
        }
        return new ScorerSupplier() {
          @Override
          public Scorer get(long leadCost) throws IOException {
            return new ContradictedScorer(supplier.get(leadCost), present, postings, lifting);
          }

          @Override
          public long cost() {
            return supplier.cost();
          }

          @Override
          public void setTopLevelScoringClause() throws IOException {
            supplier.setTopLevelScoringClause();
          }
        };
      }
    };
  }

  /** The wrapped scorer's scores times the factors of the contradictions a document has. */
  private static final class ContradictedScorer extends FilterScorer {
    private final List<Contradiction> contradictions;
    private final List<PostingsEnum> postings;
    private final List<List<PostingsEnum>> lifting;

    ContradictedScorer(Scorer inner, List<Contradiction> contradictions, List<PostingsEnum> postings, List<List<PostingsEnum>> lifting) {
      super(inner);
      this.contradictions = contradictions;
      this.postings = postings;
      this.lifting = lifting;
    }

    @Override
    public float score() throws IOException {
      int doc = docID();
      double score = in.score();
      for (int i = 0; i < postings.size(); i++) {
        PostingsEnum p = postings.get(i);
        if (p.docID() < doc) {
          p.advance(doc);
        }
        if (p.docID() == doc && !anyAt(lifting.get(i), doc)) {
          score *= factor(contradictions.get(i), contradictions.get(i).shareGiven(PhenotypeProfile.decode(p.freq())));
        }
      }
      return (float) score;
    }

    private static boolean anyAt(List<PostingsEnum> postings, int doc) throws IOException {
      for (PostingsEnum p : postings) {
        if (p.docID() < doc) {
          p.advance(doc);
        }
        if (p.docID() == doc) {
          return true;
        }
      }
      return false;
    }

    @Override
    public float getMaxScore(int upTo) throws IOException {
      return in.getMaxScore(upTo);
    }

    @Override
    public int advanceShallow(int target) throws IOException {
      return in.advanceShallow(target);
    }

    @Override
    public void setMinCompetitiveScore(float minScore) throws IOException {
      in.setMinCompetitiveScore(minScore);
    }
  }

  /** Whether one of a contradiction's lifting terms is in the document's profile. */
  private static boolean lifted(LeafReaderContext context, Contradiction contradiction, int doc) throws IOException {
    for (Term term : contradiction.unless()) {
      PostingsEnum p = context.reader().postings(term, PostingsEnum.NONE);
      if (p != null && p.advance(doc) == doc) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    query.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
  }

  @Override
  public String toString(String field) {
    return "contradicted(" + query.toString(field) + ", " + contradictions + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other)
        && query.equals(((ContradictedQuery) other).query)
        && contradictions.equals(((ContradictedQuery) other).contradictions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + query.hashCode()) + contradictions.hashCode();
  }

}
