package org.raresearch.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One disease as the index ranks it: the values of each of its indexed fields, as the index's
 * schema names them, for loading the same documents into another search engine (such as OpenSearch
 * with RareSearch's plugin, whose index template maps these fields). A field of phenotype terms
 * holds each term as {@code id|frequency}, the frequency in thousandths of the disease's patients.
 *
 * @param id the disease's id
 * @param fields the values of each field, in index order; read-only
 */
public record DiseaseFields(String id, Map<String, List<String>> fields) {
  public DiseaseFields {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    fields = java.util.Collections.unmodifiableMap(copy);
  }
}
