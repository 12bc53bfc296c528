package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import org.raresearch.sources.HpoAnnotationSource;
import org.raresearch.api.IngestResult;
import org.raresearch.sources.OrphanetSource;
import org.raresearch.sources.ReportSource;
import org.raresearch.vocabulary.HpoOntology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports open rare-disease data into an index, from the files their publishers distribute.",
      "Re-running updates what changed and removes what the source no longer holds; reports of",
      "report files and of other sources are left alone. Bad records are listed, the rest imported."
    },
    subcommands = {ImportCommand.Orphanet.class, ImportCommand.Hpo.class})
final class ImportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Index directory (default: the bundled corpus's index).")
  Path index;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say what to import: orphanet PATH, or hpo --annotations FILE --ontology FILE");
  }

  private Path indexPath() {
    return index == null ? CliContext.defaultIndex() : index;
  }

  /** Opens the index, imports, prints the account; the exit code says whether records were bad. */
  int importFrom(ReportSource source, RareSearch.Builder builder, PrintWriter err) throws Exception {
    Path indexPath = indexPath();
    try (RareSearch rare = builder == null ? RareSearch.open(indexPath) : builder.open()) {
      err.println("Importing " + source.origin() + " into " + indexPath + " ...");
      ProgressLine line = new ProgressLine(err);
      IngestResult result = rare.ingest(source, (reports, done, total) -> line.show(done, total, () ->
          "  " + reports + " reports (" + (total <= 0 ? 0 : (int) Math.min(100, done * 100 / total)) + "%)"));
      line.finish();
      err.println(result.describe());
      err.flush();
      return result.rejectedCount() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
    }
  }

  @Command(
      name = "orphanet",
      mixinStandardHelpOptions = true,
      description = {
        "Imports Orphanet's ORPHApackets: every entity becomes the report ORPHA_<code>.",
        "Example: raresearch import orphanet orphapacket_json.tar.gz"
      })
  static final class Orphanet implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "PATH", description = "A directory of ORPHApacket JSON files, or the .tar.gz of one.")
    Path path;

    @Override
    public Integer call() throws Exception {
      return parent.importFrom(new OrphanetSource(path), null, spec.commandLine().getErr());
    }
  }

  @Command(
      name = "hpo",
      mixinStandardHelpOptions = true,
      description = {
        "Imports the HPO's disease annotations: every OMIM, ORPHA and DECIPHER disease becomes a",
        "report (OMIM_<n>, DECIPHER_<n>, HPO_ORPHA_<n>) named by the ontology's labels.",
        "Example: raresearch import hpo --annotations phenotype.hpoa --ontology hp.json.gz"
      })
  static final class Hpo implements Callable<Integer> {
    @ParentCommand ImportCommand parent;
    @Spec CommandSpec spec;

    @Option(names = "--annotations", required = true, paramLabel = "FILE", description = "phenotype.hpoa[.gz]")
    Path annotations;

    @Option(names = "--ontology", required = true, paramLabel = "FILE", description = "hp.json[.gz] or hp.obo[.gz]")
    Path ontology;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      HpoOntology hpo = HpoOntology.load(ontology);
      CliContext.warn(hpo.warnings(), err);
      // The loaded ontology serves the import and the instance's query side alike.
      return parent.importFrom(new HpoAnnotationSource(annotations, hpo), RareSearch.builder(parent.indexPath()).hpo(hpo), err);
    }
  }
}
