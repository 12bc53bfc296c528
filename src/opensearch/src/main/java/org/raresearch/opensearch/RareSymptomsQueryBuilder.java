package org.raresearch.opensearch;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.search.Query;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryShardContext;
import org.raresearch.errors.InvalidQueryException;

/**
 * {@code {"rare_symptoms": {"query": "drooping eyelids; double vision"}}}: diseases ranked for a
 * free-text symptom query by the library's own ranking ({@code SymptomRanking}, its full ranking),
 * over an index with {@link RareSearchTemplate}'s mappings. Run with {@code
 * search_type=dfs_query_then_fetch} so that every shard scores with the whole index's statistics,
 * and sort by {@code _score}, then {@code id}, as the library breaks ties.
 */
public final class RareSymptomsQueryBuilder extends AbstractQueryBuilder<RareSymptomsQueryBuilder> {
  /** The query's name in a search request. */
  public static final String NAME = "rare_symptoms";

  private final String text;

  /** A query for this symptom text. */
  public RareSymptomsQueryBuilder(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  /** Read from another node. */
  public RareSymptomsQueryBuilder(StreamInput in) throws IOException {
    super(in);
    this.text = in.readString();
  }

  /** The symptom text. */
  public String text() {
    return text;
  }

  @Override
  protected void doWriteTo(StreamOutput out) throws IOException {
    out.writeString(text);
  }

  @Override
  protected void doXContent(XContentBuilder builder, Params params) throws IOException {
    builder.startObject(NAME);
    builder.field("query", text);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Reads {@code {"query": "...", "boost": 1.0, "_name": "..."}}. */
  public static RareSymptomsQueryBuilder fromXContent(XContentParser parser) throws IOException {
    QueryFields fields = QueryFields.parse(parser, NAME, "query");
    return new RareSymptomsQueryBuilder(fields.text()).boost(fields.boost()).queryName(fields.queryName());
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    try {
      return LibraryQueries.symptoms().prepare(text).query();
    } catch (InvalidQueryException e) {
      throw new IllegalArgumentException("[" + NAME + "] " + e.getMessage(), e);
    }
  }

  @Override
  protected boolean doEquals(RareSymptomsQueryBuilder other) {
    return text.equals(other.text);
  }

  @Override
  protected int doHashCode() {
    return text.hashCode();
  }

  @Override
  public String getWriteableName() {
    return NAME;
  }
}
