package org.raresearch.opensearch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.raresearch.api.NameMatch;
import org.raresearch.errors.InvalidQueryException;
import org.raresearch.index.IndexSchema;

/**
 * Matches the diseases the library's name resolution finds for a name in the searcher's index,
 * each scored by its confidence. The resolution runs when the query is weighed, over the shard's
 * reader.
 */
final class ResolvedNamesQuery extends Query {
  private final String name;
  private final int limit;

  ResolvedNamesQuery(String name, int limit) {
    this.name = Objects.requireNonNull(name, "name");
    this.limit = limit;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
    List<NameMatch> matches;
    try {
      matches = LibraryQueries.names().resolve(libraryView(searcher.getIndexReader()), name, limit);
    } catch (InvalidQueryException e) {
      throw new IllegalArgumentException("[" + RareNamesQueryBuilder.NAME + "] " + e.getMessage(), e);
    }
    if (matches.isEmpty()) {
      return new MatchNoDocsQuery("no disease is named " + name).createWeight(searcher, scoreMode, boost);
    }
    BooleanQuery.Builder diseases = new BooleanQuery.Builder();
    for (NameMatch match : matches) {
      Query disease = new ConstantScoreQuery(new TermQuery(new Term(IndexSchema.ID, match.id())));
      diseases.add(new BoostQuery(disease, (float) match.confidence()), Occur.SHOULD);
    }
    return searcher.rewrite(diseases.build()).createWeight(searcher, scoreMode, boost);
  }

  /**
   * The shard's reader as the library reads its own index: the disease id, which OpenSearch's
   * keyword field keeps as sorted-set doc values of one value each, read as sorted doc values.
   */
  private static IndexSearcher libraryView(IndexReader reader) throws IOException {
    List<LeafReader> leaves = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      leaves.add(new FilterLeafReader(leaf.reader()) {
        @Override
        public SortedDocValues getSortedDocValues(String field) throws IOException {
          if (field.equals(IndexSchema.ID)) {
            SortedDocValues single = DocValues.unwrapSingleton(in.getSortedSetDocValues(field));
            if (single != null) {
              return single;
            }
          }
          return in.getSortedDocValues(field);
        }

        @Override
        public StoredFields storedFields() throws IOException {
          StoredFields stored = in.storedFields();
          return new StoredFields() {
            @Override
            public void prefetch(int docID) throws IOException {
              stored.prefetch(docID);
            }

            @Override
            public void document(int docID, StoredFieldVisitor visitor) throws IOException {
              stored.document(docID, new KeywordsAsText(visitor));
            }
          };
        }

        @Override
        public CacheHelper getCoreCacheHelper() {
          return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper() {
          return null;
        }
      });
    }
    IndexSearcher searcher = new IndexSearcher(new MultiReader(leaves.toArray(new LeafReader[0]), false));
    searcher.setQueryCache(null);
    return searcher;
  }

  /**
   * Hands the library the disease id and member ids, which OpenSearch's keyword fields store as
   * UTF-8 bytes, as the text the library stores them as.
   */
  private static final class KeywordsAsText extends StoredFieldVisitor {
    private final StoredFieldVisitor library;

    KeywordsAsText(StoredFieldVisitor library) {
      this.library = library;
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) throws IOException {
      return library.needsField(fieldInfo);
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, byte[] value) throws IOException {
      if (fieldInfo.name.equals(IndexSchema.ID) || fieldInfo.name.equals(IndexSchema.MEMBER)) {
        library.stringField(fieldInfo, new String(value, StandardCharsets.UTF_8));
      } else {
        library.binaryField(fieldInfo, value);
      }
    }

    @Override
    public void stringField(FieldInfo fieldInfo, String value) throws IOException {
      library.stringField(fieldInfo, value);
    }

    @Override
    public void intField(FieldInfo fieldInfo, int value) throws IOException {
      library.intField(fieldInfo, value);
    }

    @Override
    public void longField(FieldInfo fieldInfo, long value) throws IOException {
      library.longField(fieldInfo, value);
    }

    @Override
    public void floatField(FieldInfo fieldInfo, float value) throws IOException {
      library.floatField(fieldInfo, value);
    }

    @Override
    public void doubleField(FieldInfo fieldInfo, double value) throws IOException {
      library.doubleField(fieldInfo, value);
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    visitor.visitLeaf(this);
  }

  @Override
  public String toString(String field) {
    return "rare_names(" + name + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && name.equals(((ResolvedNamesQuery) other).name) && limit == ((ResolvedNamesQuery) other).limit;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * classHash() + name.hashCode()) + limit;
  }
}
