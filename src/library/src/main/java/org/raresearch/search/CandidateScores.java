package org.raresearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.raresearch.index.PhenotypeProfile;

/**
 * Scores a few documents, already chosen, by a query: the second stage of a ranking, where parts
 * too costly to run over every match score only the candidates the first stage put forward.
 */
final class CandidateScores {
  private CandidateScores() {}

  /**
   * The score of each document by the query, 0 where it does not match.
   *
   * @param docs the documents, in increasing order
   * @return the scores, parallel to {@code docs}
   */
  static float[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    float[] scores = new float[docs.length];
    if (query == null || docs.length == 0) {
      return scores;
    }
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      Scorer scorer = weight.scorer(leaf);
      DocIdSetIterator matches = scorer == null ? null : scorer.iterator();
      for (; i < docs.length && docs[i] < end; i++) {
        int target = docs[i] - leaf.docBase;
        if (matches != null && matches.docID() < target) {
          matches.advance(target);
        }
        if (matches != null && matches.docID() == target) {
          scores[i] = scorer.score();
        }
      }
    }
    return scores;
  }

  /**
   * How often each document's disease has a phenotype: the share its profile gives the term, 0
   * where the profile lacks it.
   *
   * @param docs the documents, in increasing order
   */
  static double[] shares(IndexSearcher searcher, Term term, int[] docs) throws IOException {
    double[] shares = new double[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.FREQS);
      for (; i < docs.length && docs[i] < end; i++) {
        int target = docs[i] - leaf.docBase;
        if (postings != null && postings.docID() < target) {
          postings.advance(target);
        }
        if (postings != null && postings.docID() == target) {
          shares[i] = PhenotypeProfile.decode(postings.freq());
        }
      }
    }
    return shares;
  }
}
