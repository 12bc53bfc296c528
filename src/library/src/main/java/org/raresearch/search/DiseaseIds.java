package org.raresearch.search;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.raresearch.index.IndexSchema;

/** Reads disease ids from their doc values, for breaking ties without loading stored fields. */
final class DiseaseIds {
  private DiseaseIds() {}

  /**
   * The id of each disease document.
   *
   * @param docs the documents, in increasing order
   */
  static String[] of(IndexSearcher searcher, int[] docs) throws IOException {
    String[] ids = new String[docs.length];
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      int end = leaf.docBase + leaf.reader().maxDoc();
      SortedDocValues values = leaf.reader().getSortedDocValues(IndexSchema.ID);
      for (; i < docs.length && docs[i] < end; i++) {
        ids[i] = values != null && values.advanceExact(docs[i] - leaf.docBase)
            ? values.lookupOrd(values.ordValue()).utf8ToString()
            : "";
      }
    }
    return ids;
  }
}
