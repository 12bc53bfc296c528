package org.raresearch.opensearch;

import org.opensearch.plugins.Plugin;

/**
 * RareSearch in OpenSearch: the plugin class the descriptor names.
 */
public final class RareSearchPlugin extends Plugin {
  /** Made by OpenSearch when a node loads the plugin. */
  public RareSearchPlugin() {}
}
