package org.raresearch.opensearch;

import java.io.IOException;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.query.AbstractQueryBuilder;

/**
 * The fields of a RareSearch query in a search request: its text under one name, and OpenSearch's
 * {@code boost} and {@code _name}. Anything else is refused, naming the query and the field.
 */
record QueryFields(String text, float boost, String queryName) {
  static QueryFields parse(XContentParser parser, String query, String textField) throws IOException {
    String text = null;
    float boost = AbstractQueryBuilder.DEFAULT_BOOST;
    String queryName = null;
    String field = null;
    XContentParser.Token token;
    while ((token = parser.nextToken()) != XContentParser.Token.END_OBJECT) {
      if (token == XContentParser.Token.FIELD_NAME) {
        field = parser.currentName();
      } else if (token.isValue()) {
        if (textField.equals(field)) {
          text = parser.text();
        } else if (AbstractQueryBuilder.BOOST_FIELD.match(field, parser.getDeprecationHandler())) {
          boost = parser.floatValue();
        } else if (AbstractQueryBuilder.NAME_FIELD.match(field, parser.getDeprecationHandler())) {
          queryName = parser.text();
        } else {
          throw new ParsingException(parser.getTokenLocation(), "[" + query + "] has no field [" + field + "]; it takes [" + textField + "], [boost] and [_name]");
        }
      } else {
        throw new ParsingException(parser.getTokenLocation(), "[" + query + "] takes text values only; [" + field + "] is " + token);
      }
    }
    if (text == null) {
      throw new ParsingException(parser.getTokenLocation(), "[" + query + "] needs [" + textField + "]");
    }
    return new QueryFields(text, boost, queryName);
  }
}
