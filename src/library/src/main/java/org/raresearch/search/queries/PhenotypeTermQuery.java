package org.raresearch.search.queries;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermScorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity.SimScorer;
import org.raresearch.index.PhenotypeProfile;

/**
 * Matches the diseases whose phenotype profile has a term, scoring each by the log of how often it
 * has it, plus a constant: {@code max(0, bonus + ln(share))}. The share is read from the term
 * frequency the profile was indexed with ({@link PhenotypeProfile}), the bonus is the evidence the
 * term is worth when every patient has it. Summed over a query's findings, the scores are a
 * log-likelihood ratio against a disease that has none of them.
 *
 * <p>The score grows with the share and with nothing else, so Lucene's impacts bound it per block
 * and top-k searches skip what cannot compete, as they do for {@link TermQuery}.
 */
final class PhenotypeTermQuery extends Query {
  private final Term term;
  private final float bonus;

  /**
   * @param term the profile field and the term's id
   * @param bonus the score of a disease every patient of which has the term; positive
   */
  PhenotypeTermQuery(Term term, float bonus) {
    this.term = Objects.requireNonNull(term, "term");
    if (!(bonus > 0 && Float.isFinite(bonus))) {
      throw new IllegalArgumentException("the bonus must be positive and finite, not " + bonus);
    }
    this.bonus = bonus;
  }

  /** The score of a disease that has the term in this share of its patients. */
  static float score(float bonus, double share) {
    return (float) Math.max(0, bonus + Math.log(share));
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    if (!scoreMode.needsScores()) {
      return new TermQuery(term).createWeight(searcher, scoreMode, boost);
    }
    SimScorer simScorer = new SimScorer() {
      @Override
      public float score(float freq, long norm) {
        return boost * PhenotypeTermQuery.score(bonus, PhenotypeProfile.decode((int) freq));
      }
    };
    return new Weight(this) {
      @Override
      public boolean isCacheable(LeafReaderContext context) {
        return true;
      }

      @Override
      public Explanation explain(LeafReaderContext context, int doc) throws IOException {
        TermsEnum terms = termsEnum(context);
        if (terms != null) {
          PostingsEnum postings = terms.postings(null, PostingsEnum.FREQS);
          if (postings.advance(doc) == doc) {
            double share = PhenotypeProfile.decode(postings.freq());
            return Explanation.match(
                simScorer.score(postings.freq(), 1),
                String.format(Locale.ROOT, "max(0, %.3f + ln(%.3f)) x %.3f: %s in %.1f%% of patients", bonus, share, boost, term.text(), 100 * share));
          }
        }
        return Explanation.noMatch(term + " is not in the profile");
      }

      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        TermsEnum terms = termsEnum(context);
        if (terms == null) {
          return null;
        }
        int docFreq = terms.docFreq();
        return new ScorerSupplier() {
          private boolean topLevel;

          @Override
          public Scorer get(long leadCost) throws IOException {
            return new TermScorer(terms.impacts(PostingsEnum.FREQS), simScorer, null, topLevel);
          }

          @Override
          public long cost() {
            return docFreq;
          }

          @Override
          public void setTopLevelScoringClause() {
            topLevel = true;
          }
        };
      }
    };
  }

  private TermsEnum termsEnum(LeafReaderContext context) throws IOException {
    Terms terms = context.reader().terms(term.field());
    if (terms == null) {
      return null;
    }
    TermsEnum termsEnum = terms.iterator();
    return termsEnum.seekExact(term.bytes()) ? termsEnum : null;
  }

  @Override
  public void visit(QueryVisitor visitor) {
    if (visitor.acceptField(term.field())) {
      visitor.visitLeaf(this);
    }
  }

  @Override
  public String toString(String field) {
    return String.format(Locale.ROOT, "phenotype(%s, +%.3f)", term.field().equals(field) ? term.text() : term.toString(), bonus);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && term.equals(((PhenotypeTermQuery) other).term) && bonus == ((PhenotypeTermQuery) other).bonus;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + term.hashCode()) + Float.hashCode(bonus);
  }
}
