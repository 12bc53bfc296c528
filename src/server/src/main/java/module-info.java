/**
 * RareSearch's HTTP API and search page ({@link org.raresearch.server.RareSearchServer}): one
 * RareSearch behind Jetty's HTTP server, answering in the JSON that {@link
 * org.raresearch.server.JsonViews} defines. Built on the library's exported API.
 */
module org.raresearch.server {
  requires transitive org.raresearch;
  requires transitive com.fasterxml.jackson.databind;
  requires org.eclipse.jetty.server;

  exports org.raresearch.server;
}
