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

/**
 * {@code {"rare_names": {"name": "Steinert disease"}}}: the diseases a name (an alternate name, an
 * abbreviation, a misspelling) names, scored by how surely, by the library's own name resolution
 * ({@code NameResolver}), run on each shard. The surest step that finds something on a shard
 * answers there, so a shard that holds no exact match may add looser ones below the exact matches
 * of the others. Sort by {@code _score}, then {@code id}.
 */
public final class RareNamesQueryBuilder extends AbstractQueryBuilder<RareNamesQueryBuilder> {
  /** The query's name in a search request. */
  public static final String NAME = "rare_names";

  /** The most diseases a shard answers with. */
  static final int LIMIT = 100;

  private final String text;

  /** A query for this name. */
  public RareNamesQueryBuilder(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  /** Read from another node. */
  public RareNamesQueryBuilder(StreamInput in) throws IOException {
    super(in);
    this.text = in.readString();
  }

  /** The name. */
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
    builder.field("name", text);
    printBoostAndQueryName(builder);
    builder.endObject();
  }

  /** Reads {@code {"name": "...", "boost": 1.0, "_name": "..."}}. */
  public static RareNamesQueryBuilder fromXContent(XContentParser parser) throws IOException {
    QueryFields fields = QueryFields.parse(parser, NAME, "name");
    return new RareNamesQueryBuilder(fields.text()).boost(fields.boost()).queryName(fields.queryName());
  }

  @Override
  protected Query doToQuery(QueryShardContext context) {
    return new ResolvedNamesQuery(text, LIMIT);
  }

  @Override
  protected boolean doEquals(RareNamesQueryBuilder other) {
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
