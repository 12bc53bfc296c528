package org.raresearch.search.queries;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BlendedTermQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A {@link FuzzyQuery} evaluated without Levenshtein automata: it expands to the same terms with
 * the same boosts ({@link NearTerms}) and rewrites to the same scoring query, so documents match
 * and score exactly as under the fuzzy query, and when no term is within reach it rewrites to no
 * match at once. Building the automata is the costliest step of a fuzzy query over long terms,
 * such as a whole disease name.
 */
public final class ReachableFuzzyQuery extends Query {
  private final FuzzyQuery fuzzy;
  private final Term term;
  private final int maxEdits;
  private final int prefixLength;
  private final int maxExpansions;
  private final boolean transpositions;

  /** The arguments are those of {@link FuzzyQuery#FuzzyQuery(Term, int, int, int, boolean)}. */
  public ReachableFuzzyQuery(Term term, int maxEdits, int prefixLength, int maxExpansions, boolean transpositions) {
    this.fuzzy = new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions);
    this.term = term;
    this.maxEdits = maxEdits;
    this.prefixLength = prefixLength;
    this.maxExpansions = maxExpansions;
    this.transpositions = transpositions;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    if (maxEdits == 0 || prefixLength >= term.text().codePointCount(0, term.text().length())) {
      return fuzzy; // matches the term itself only, which needs no automaton either
    }
    List<NearTerms.Near> near = NearTerms.find(
        searcher, term, maxEdits, prefixLength, Math.min(maxExpansions, IndexSearcher.getMaxClauseCount()), transpositions);
    if (near.isEmpty()) {
      return new MatchNoDocsQuery("no term within " + maxEdits + " edits of " + term);
    }
    // What FuzzyQuery's default rewrite (the top terms, blended frequencies) builds of them.
    BlendedTermQuery.Builder blended = new BlendedTermQuery.Builder().setRewriteMethod(BlendedTermQuery.BOOLEAN_REWRITE);
    for (NearTerms.Near t : near) {
      blended.add(new Term(term.field(), t.bytes()), Math.max(0f, t.boost()), t.states());
    }
    return blended.build();
  }

  @Override
  public void visit(QueryVisitor visitor) {
    fuzzy.visit(visitor);
  }

  @Override
  public String toString(String field) {
    return fuzzy.toString(field);
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && fuzzy.equals(((ReachableFuzzyQuery) other).fuzzy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), fuzzy);
  }
}
