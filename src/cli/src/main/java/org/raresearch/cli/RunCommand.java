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

  @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Query file: query-id<TAB>query text per line.")
  Path queries;

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
    List<EvalQuery> queryList = EvalQuery.read(queries, warning -> CliContext.warn(List.of(warning), err));
    try (RareSearch rare = CliContext.warnAbout(vocabulary.commandBuilder(index, err).open(), err)) {
      Ranker ranker = resolve ? new NameRanker(rare) : rare::rank;
      Map<String, List<ScoredId>> rankings = Evaluator.run(ranker, queryList, limit);
      TrecRun.write(output, rankings, tag);
    }
    spec.commandLine().getErr().println("Wrote " + queryList.size() + " rankings to " + output);
    return ExitCodes.OK;
  }
}
