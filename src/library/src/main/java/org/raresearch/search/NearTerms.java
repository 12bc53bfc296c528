package org.raresearch.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * The indexed terms within a few edits of a term, the ones a {@link FuzzyQuery} would expand to,
 * found without Levenshtein automata.
 *
 * <p>Building the automata is what a fuzzy query spends most of its time on when the term is long
 * (a whole disease name, a symptom query tried as a name): tens of milliseconds for sixty
 * characters within two edits. Instead, the terms that share the required prefix are read in
 * order, those whose length alone puts them out of reach (an edit changes the length by at most
 * one) are skipped unread, and the edit distance of the others is computed directly, stopping as
 * soon as it exceeds the bound. For the names of a disease index that costs far less than the
 * automata, and the terms found are exactly the fuzzy query's.
 *
 * <p>As for the fuzzy query, edits are counted in code points after the prefix, a swap of two
 * neighbouring code points counting as one when transpositions are on; and when more terms are
 * within reach than are kept, the best are kept: the highest {@code 1 - edits / min(length of the
 * term, length of the other)}, then the smallest term.
 */
final class NearTerms {
  private NearTerms() {}

  /**
   * A term within reach.
   *
   * @param bytes the term
   * @param edits its edit distance from the looked-up term
   * @param boost the fuzzy query's boost for it (1 for the term itself)
   * @param states its statistics in every segment that has it
   */
  record Near(BytesRef bytes, int edits, float boost, TermStates states) {
    /** Worse first: a lower boost, or on a tie the greater term. */
    static int worseFirst(Near a, Near b) {
      return a.boost == b.boost ? b.bytes.compareTo(a.bytes) : Float.compare(a.boost, b.boost);
    }
  }

  /**
   * The terms of {@code term}'s field within {@code maxEdits} edits of it that start with its first
   * {@code prefixLength} code points, at most {@code maxTerms} of them, in term order. The arguments
   * are those of {@link FuzzyQuery#FuzzyQuery(Term, int, int, int, boolean)}, with {@code maxEdits}
   * at least 1 and a term longer than its prefix.
   */
  static List<Near> find(IndexSearcher searcher, Term term, int maxEdits, int prefixLength, int maxTerms, boolean transpositions)
      throws IOException {
    int[] target = term.text().codePoints().toArray();
    if (maxEdits < 1 || prefixLength >= target.length) {
      throw new IllegalArgumentException("no edits to make in " + term + " after a prefix of " + prefixLength);
    }
    TopTerms top = new TopTerms(searcher.getTopReaderContext(), maxTerms);
    BytesRef prefix = new BytesRef(new String(target, 0, prefixLength));
    int[] codePoints = new int[target.length + maxEdits];
    EditDistance distance = new EditDistance(target, prefixLength, maxEdits, transpositions);
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
        // A term has at least a quarter as many code points as UTF-8 bytes, and at most as many.
        if (candidate.length < target.length - maxEdits || candidate.length > 4 * (target.length + maxEdits)) {
          continue;
        }
        codePoints = ArrayUtil.grow(codePoints, candidate.length);
        int length = UnicodeUtil.UTF8toUTF32(candidate, codePoints);
        if (Math.abs(length - target.length) > maxEdits) {
          continue;
        }
        int edits = distance.to(codePoints, length);
        if (edits <= maxEdits) {
          float boost = edits == 0 ? 1f : 1f - (float) edits / (float) Math.min(length, target.length);
          top.offer(candidate, edits, boost, candidates, leaf);
        }
      }
    }
    return top.inTermOrder();
  }

  /**
   * The best terms seen so far, kept as {@code TopTermsRewrite} keeps them for the fuzzy query: a
   * term that stops being competitive in one segment cannot become so in a later one, since the
   * worst kept term only gets better.
   */
  private static final class TopTerms {
    private final IndexReaderContext top;
    private final int size;
    private final PriorityQueue<Near> queue = new PriorityQueue<>(Near::worseFirst);
    private final Map<BytesRef, Near> kept = new HashMap<>();

    TopTerms(IndexReaderContext top, int size) {
      this.top = top;
      this.size = size;
    }

    void offer(BytesRef bytes, int edits, float boost, TermsEnum enumerator, LeafReaderContext leaf) throws IOException {
      if (queue.size() == size) {
        Near worst = queue.peek();
        if (boost < worst.boost() || (boost == worst.boost() && bytes.compareTo(worst.bytes()) > 0)) {
          return;
        }
      }
      Near near = kept.get(bytes);
      if (near == null) {
        near = new Near(BytesRef.deepCopyOf(bytes), edits, boost, new TermStates(top));
        kept.put(near.bytes(), near);
        queue.add(near);
        if (queue.size() > size) {
          kept.remove(queue.poll().bytes());
        }
      }
      near.states().register(enumerator.termState(), leaf.ord, enumerator.docFreq(), enumerator.totalTermFreq());
    }

    List<Near> inTermOrder() {
      Near[] all = queue.toArray(Near[]::new);
      ArrayUtil.timSort(all, (a, b) -> a.bytes().compareTo(b.bytes()));
      return List.of(all);
    }
  }

  /**
   * The edit distance from a fixed target to other strings, in code points after a shared prefix,
   * bounded: any distance over the bound is reported as {@code bound + 1}, and the computation
   * stops as soon as it must exceed the bound. Only the diagonal band of width {@code 2 * bound +
   * 1} is computed. With transpositions, it is the optimal string alignment distance (a swap of two
   * neighbouring code points is one edit; no substring is edited twice), as in Lucene's
   * Levenshtein automata. Not thread-safe: it reuses its rows.
   */
  static final class EditDistance {
    private final int[] target;
    private final int from;
    private final int bound;
    private final boolean transpositions;
    private int[] beforePrevious = new int[0];
    private int[] previous = new int[0];
    private int[] current = new int[0];

    EditDistance(int[] target, int from, int bound, boolean transpositions) {
      this.target = target;
      this.from = from;
      this.bound = bound;
      this.transpositions = transpositions;
    }

    /** The distance from the target to {@code other[0..length)}, both read from {@code from}. */
    int to(int[] other, int length) {
      int n = target.length - from;
      int m = length - from;
      int over = bound + 1;
      if (Math.abs(n - m) > bound) {
        return over;
      }
      if (previous.length < m + 1) {
        beforePrevious = new int[m + 1];
        previous = new int[m + 1];
        current = new int[m + 1];
      }
      for (int j = 0; j <= m; j++) {
        previous[j] = Math.min(j, over);
      }
      for (int i = 1; i <= n; i++) {
        // Cells outside the band are over the bound; the band's neighbours are set so.
        int low = Math.max(1, i - bound);
        int high = Math.min(m, i + bound);
        current[0] = Math.min(i, over);
        current[low - 1] = low > 1 ? over : current[0];
        int rowMin = current[low - 1];
        int a = target[from + i - 1];
        for (int j = low; j <= high; j++) {
          int b = other[from + j - 1];
          int value = Math.min(previous[j - 1] + (a == b ? 0 : 1), Math.min(previous[j], current[j - 1]) + 1);
          if (transpositions && i > 1 && j > 1 && a == other[from + j - 2] && target[from + i - 2] == b) {
            value = Math.min(value, beforePrevious[j - 2] + 1);
          }
          current[j] = Math.min(value, over);
          rowMin = Math.min(rowMin, current[j]);
        }
        if (high < m) {
          current[high + 1] = over;
        }
        if (rowMin > bound) {
          return over;
        }
        int[] recycled = beforePrevious;
        beforePrevious = previous;
        previous = current;
        current = recycled;
      }
      return previous[m];
    }
  }
}
