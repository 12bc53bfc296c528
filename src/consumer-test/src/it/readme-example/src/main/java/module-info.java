/** An application that embeds RareSearch. */
module example.readme {
  requires org.raresearch;
  // The test also asks Lucene for RareSearch's token filters by name.
  requires static org.apache.lucene.core;
}
