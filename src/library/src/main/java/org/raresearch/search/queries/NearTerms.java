package org.raresearch.search.queries;

import java.io.IOException;
import java.util.Arrays;
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
 * found without building Levenshtein automata.
 *
 * <p>Building the automata is what a fuzzy query spends most of its time on when the term is long
 * (a whole disease name, a symptom query tried as a name): tens of milliseconds for sixty
 * characters within two edits. Instead, the terms that share the required prefix are read in
 * order, those whose length alone puts them out of reach (an edit changes the length by at most
 * one) are passed over undecoded, and the edit distance of the others is computed directly,
 * stopping as soon as it must exceed the bound. Reading a term costs tens of nanoseconds, so for
 * the names of a disease index (a few thousand terms share a first letter in ten thousand
 * reports) this costs a fraction of a millisecond, and the terms found are exactly the fuzzy
 * query's. (Walking the terms as a trie instead, reusing the table's rows across terms that
 * share a start and seeking past starts out of reach, visits fewer terms but was slower on these
 * dictionaries: seeking costs more than reading the terms it skips.)
 *
 * <p>As for the fuzzy query, edits are counted in code points after the prefix, a swap of two
 * neighbouring code points counting as one when transpositions are on; and when more terms are
 * within reach than are kept, the best are kept: the highest {@code 1 - edits / min(length of the
 * term, length of the other)}, then the smallest term.
 */
public final class NearTerms {
  private NearTerms() {}

  /**
   * A term within reach.
   *
   * @param bytes the term
   * @param edits its edit distance from the looked-up term
   * @param boost the fuzzy query's boost for it (1 for the term itself)
   * @param states its statistics in every segment that has it
   */
  public record Near(BytesRef bytes, int edits, float boost, TermStates states) {
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
  public static List<Near> find(IndexSearcher searcher, Term term, int maxEdits, int prefixLength, int maxTerms, boolean transpositions)
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
        // A term has at most as many code points as UTF-8 bytes, and at least a quarter as many.
        if (candidate.length < target.length - maxEdits || candidate.length > 4 * (target.length + maxEdits)) {
          continue;
        }
        int length = UnicodeUtil.codePointCount(candidate);
        if (Math.abs(length - target.length) > maxEdits) {
          continue;
        }
        codePoints = ArrayUtil.grow(codePoints, length);
        UnicodeUtil.UTF8toUTF32(candidate, codePoints);
        int edits = distance.to(codePoints, length);
        if (edits <= maxEdits) {
          top.offer(candidate, edits, boost(edits, length, target.length), candidates, leaf);
        }
      }
    }
    return top.inTermOrder();
  }

  /** The fuzzy query's boost for a term of {@code length} code points within {@code edits} of one of {@code targetLength}. */
  static float boost(int edits, int length, int targetLength) {
    return edits == 0 ? 1f : 1f - (float) edits / (float) Math.min(length, targetLength);
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
   * bounded: any distance over the bound is reported as {@code bound + 1}. The other string is
   * read one code point at a time ({@link #push}), each adding a row to the table, and a row's
   * minimum says whether the string can still come within the bound (no later row has a smaller
   * value: a swap reaches back two rows, but the row between holds a value as small), so the
   * computation stops as soon as it cannot. Only the diagonal band of width
   * {@code 2 * bound + 1} is computed. With transpositions, it is the optimal string alignment
   * distance (a swap of two neighbouring code points is one edit; no substring is edited twice),
   * as in Lucene's Levenshtein automata. Not thread-safe: it holds its rows.
   */
  public static final class EditDistance {
    private final int[] target;
    private final int from;
    private final int n;
    private final int bound;
    private final boolean transpositions;
    /**
     * rows[d]: the distances from the other string's first d code points to the target's first j,
     * for j in the band around d, at index {@code j - d + bound + 1} (one cell either side of the
     * band holds "over the bound").
     */
    private final int[][] rows;
    /** chars[d - 1]: the other string's d-th code point. */
    private final int[] chars;

    public EditDistance(int[] target, int from, int bound, boolean transpositions) {
      this.target = target;
      this.from = from;
      this.n = target.length - from;
      this.bound = bound;
      this.transpositions = transpositions;
      this.rows = new int[n + bound + 1][2 * bound + 3];
      this.chars = new int[n + bound + 1];
      Arrays.fill(rows[0], bound + 1);
      for (int j = 0; j <= Math.min(n, bound + 1); j++) {
        rows[0][j + bound + 1] = Math.min(j, bound + 1);
      }
    }

    int bound() {
      return bound;
    }

    /** The target's length in code points, its prefix included. */
    int targetLength() {
      return target.length;
    }

    /**
     * Sets the other string's {@code depth}-th code point (from 1; the rows of the code points
     * before it must be those of the string meant) and returns the smallest distance that string's
     * continuations can still reach: over the bound means none comes within it.
     */
    int push(int depth, int c) {
      int over = bound + 1;
      if (depth > n + bound) {
        return over; // longer than the target by more than the bound
      }
      chars[depth - 1] = c;
      int[] previous = rows[depth - 1];
      int[] current = rows[depth];
      int shift = bound + 1 - depth; // column j of this row is current[j + shift], of the previous row previous[j + shift + 1]
      int low = Math.max(1, depth - bound);
      int high = Math.min(n, depth + bound);
      current[low - 1 + shift] = low > 1 ? over : Math.min(depth, over);
      int rowMin = current[low - 1 + shift];
      for (int j = low; j <= high; j++) {
        int a = target[from + j - 1];
        int value = Math.min(previous[j + shift] + (a == c ? 0 : 1), Math.min(previous[j + shift + 1], current[j - 1 + shift]) + 1);
        if (transpositions && depth > 1 && j > 1 && a == chars[depth - 2] && target[from + j - 2] == c) {
          value = Math.min(value, rows[depth - 2][j + shift] + 1);
        }
        current[j + shift] = Math.min(value, over);
        rowMin = Math.min(rowMin, current[j + shift]);
      }
      if (high < n) {
        current[high + 1 + shift] = over;
      }
      return rowMin;
    }

    /** The distance from the target to the other string of {@code length} code points pushed. */
    int at(int length) {
      return Math.abs(length - n) > bound ? bound + 1 : rows[length][n - length + bound + 1];
    }

    /** The distance from the target to {@code other[0..length)}, both read from {@code from}. */
    public int to(int[] other, int length) {
      int m = length - from;
      for (int depth = 1; depth <= m; depth++) {
        if (push(depth, other[from + depth - 1]) > bound) {
          return bound + 1;
        }
      }
      return at(m);
    }
  }
}
