package org.raresearch.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * A {@link FuzzyQuery} that first looks, cheaply, for an indexed term it could match, and when there
 * is none rewrites to no match without building its Levenshtein automata. It matches exactly what
 * the fuzzy query matches: only the cost of finding nothing changes.
 *
 * <p>Building the automata is the costliest step of a symptom query, whose whole text is also tried
 * as a disease name within a typo or two, and such a text is seldom near any name. A term is within
 * reach when it starts with the query term's prefix, its length differs by at most the allowed
 * edits, and the letters the two do not share could be bridged by that many edits (an edit changes
 * the multiset of letters by at most two).
 */
final class ReachableFuzzyQuery extends Query {
  private final FuzzyQuery fuzzy;
  private final Term term;
  private final int maxEdits;
  private final int prefixLength;

  /** The arguments are those of {@link FuzzyQuery#FuzzyQuery(Term, int, int, int, boolean)}. */
  ReachableFuzzyQuery(Term term, int maxEdits, int prefixLength, int maxExpansions, boolean transpositions) {
    this.fuzzy = new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, transpositions);
    this.term = term;
    this.maxEdits = maxEdits;
    this.prefixLength = prefixLength;
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    return anyTermWithinReach(searcher) ? fuzzy : new MatchNoDocsQuery("no term within " + maxEdits + " edits of " + term);
  }

  private boolean anyTermWithinReach(IndexSearcher searcher) throws IOException {
    int[] target = term.text().codePoints().toArray();
    int prefixCodePoints = Math.min(prefixLength, target.length);
    BytesRef prefix = new BytesRef(new String(target, 0, prefixCodePoints));
    int[] sortedTarget = target.clone();
    Arrays.sort(sortedTarget);
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Terms terms = leaf.reader().terms(term.field());
      if (terms == null) {
        continue;
      }
      TermsEnum candidates = terms.iterator();
      if (candidates.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
        continue;
      }
      for (BytesRef candidate = candidates.term();
          candidate != null && StringHelper.startsWith(candidate, prefix);
          candidate = candidates.next()) {
        if (withinReach(sortedTarget, candidate)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean withinReach(int[] sortedTarget, BytesRef candidate) {
    // A UTF-8 term has at least a quarter as many code points as bytes: most are rejected unread.
    if (candidate.length / 4 > sortedTarget.length + maxEdits) {
      return false;
    }
    int[] other = candidate.utf8ToString().codePoints().toArray();
    if (Math.abs(other.length - sortedTarget.length) > maxEdits) {
      return false;
    }
    Arrays.sort(other);
    int unshared = 0;
    int i = 0;
    int j = 0;
    while (i < sortedTarget.length && j < other.length) {
      if (sortedTarget[i] == other[j]) {
        i++;
        j++;
      } else {
        unshared++;
        if (sortedTarget[i] < other[j]) {
          i++;
        } else {
          j++;
        }
      }
    }
    unshared += (sortedTarget.length - i) + (other.length - j);
    return unshared <= 2 * maxEdits;
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
