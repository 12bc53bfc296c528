/**
 * The {@code raresearch} command line: searching, resolving, showing, indexing, importing,
 * serving, measuring. Built on the exported API of the library, of evaluation and of the server;
 * the benchmarks it finds at run time, as a tool.
 */
module org.raresearch.cli {
  requires org.raresearch;
  requires org.raresearch.eval;
  requires org.raresearch.server;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;
  requires java.logging;

  exports org.raresearch.cli;

  // picocli reads and sets the commands' options by reflection.
  opens org.raresearch.cli to info.picocli;
}
