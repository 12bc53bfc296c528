package org.raresearch.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import org.raresearch.api.ScoredId;
import org.raresearch.eval.EvalQuery;
import org.raresearch.eval.Evaluator;
import org.raresearch.eval.NameRanker;
import org.raresearch.eval.Ranker;
import org.raresearch.eval.TrecRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Ranks every query of a query file (query-id<TAB>text) and writes a TREC run (qid Q0 report-id rank score tag).",
      "With --resolve, each query is a disease name, resolved as `resolve` does (score: the confidence)."
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", required = true, description = "The index to search.")
  Path index;

  @Option(names = "--queries", paramLabel = "FILE", description = "Query file: query-id<TAB>query text per line.")
  Path queries;

  @Option(names = "--phenopackets", paramLabel = "DIR|FILE", arity = "1..*",
      description = "Phenopackets (v2 or v1 JSON files, or folders of them) instead of a query file: each packet a query, by its id.")
  List<Path> phenopackets;

  @Option(names = "--qrels-output", paramLabel = "FILE", description = "With --phenopackets: write the packets' diagnoses as TREC qrels.")
  Path qrelsOutput;

  @Option(names = "--output", paramLabel = "FILE", required = true, description = "Where to write the run.")
  Path output;

  @Option(names = "--limit", defaultValue = "100", description = "Reports per query (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--tag", defaultValue = "raresearch", description = "Run tag, the last column (default: ${DEFAULT-VALUE}).")
  String tag;

  @Option(names = "--resolve", description = "Resolve each query as a disease name instead of ranking it as symptoms.")
  boolean resolve;

  @Mixin VocabularyOptions vocabulary;

  @Override
  public Integer call() throws Exception {
    var err = spec.commandLine().getErr();
    if ((queries == null) == (phenopackets == null) || (qrelsOutput != null && phenopackets == null) || (resolve && phenopackets != null)) {
      throw new ParameterException(spec.commandLine(),
          "give either --queries FILE or --phenopackets DIR|FILE... (--qrels-output and not --resolve with the latter)");
    }
    PacketCases packets = phenopackets == null ? null : PacketCases.read(phenopackets, err);
    List<EvalQuery> queryList = packets != null ? packets.queries() : EvalQuery.read(queries, warning -> CliContext.warn(List.of(warning), err));
    try (RareSearch rare = CliContext.warnAbout(vocabulary.commandBuilder(index, err).open(), err)) {
      Ranker ranker = packets != null ? packets.ranker(rare) : resolve ? new NameRanker(rare) : rare::rank;
      Map<String, List<ScoredId>> rankings = Evaluator.run(ranker, queryList, limit);
      TrecRun.write(output, rankings, tag);
      if (qrelsOutput != null) {
        packets.writeQrels(qrelsOutput, packets.qrels(rare));
      }
    }
    err.println("Wrote " + queryList.size() + " rankings to " + output
        + (packets == null || packets.rejected() == 0 ? "" : "; " + packets.rejected() + " phenopackets rejected"));
    return packets != null && packets.rejected() > 0 ? ExitCodes.BAD_INPUT : ExitCodes.OK;
  }
}
