package org.raresearch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.raresearch.RareSearch;
import org.raresearch.eval.Ablation;
import org.raresearch.eval.AskLoop;
import org.raresearch.eval.BaselineIndex;
import org.raresearch.eval.EvalQuery;
import org.raresearch.eval.Evaluator;
import org.raresearch.eval.Metrics;
import org.raresearch.eval.Qrels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measures ranking on a query set with judgements: MRR, success@1, success@10, nDCG@10, recall@100,",
      "for RareSearch and for the bare BM25 baseline built in the same run, with their ratio."
    })
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--index", paramLabel = "DIR", required = true, description = "The RareSearch index.")
  Path index;

  @Option(names = "--queries", paramLabel = "FILE", description = "Query file: query-id<TAB>query text per line.")
  Path queries;

  @Option(names = "--qrels", paramLabel = "FILE", description = "TREC qrels: query-id 0 report-id relevance.")
  Path qrels;

  @Option(names = "--phenopackets", paramLabel = "DIR|FILE", arity = "1..*",
      description = "Phenopackets instead of --queries and --qrels: each packet a query, judged by its diagnoses (no baseline).")
  List<Path> phenopackets;

  @Option(names = "--reports", paramLabel = "DIR", description = "Report files for the baseline (default: the directory the index was built from).")
  Path reports;

  @Mixin VocabularyOptions vocabulary;

  @Option(names = "--ask-loop", paramLabel = "N",
      description = "Measure asking N questions: each patient from half its findings, asked N times and answering as it would, "
          + "against the start and against N withheld findings added at random (no baseline).")
  Integer askRounds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of --ask-loop's random choices (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--ablation", description = "Also measure the default ranking with each of its parts removed or added.")
  boolean ablation;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (phenopackets != null) {
      if (queries != null || qrels != null || ablation) {
        throw new ParameterException(spec.commandLine(), "--phenopackets takes the place of --queries, --qrels and --ablation");
      }
      return evalPackets(out, err);
    }
    if (queries == null || qrels == null) {
      throw new ParameterException(spec.commandLine(), "give --queries FILE and --qrels FILE, or --phenopackets DIR|FILE...");
    }
    List<EvalQuery> queryList = EvalQuery.read(queries, warning -> CliContext.warn(List.of(warning), err));
    Qrels judgements = Qrels.read(qrels, warning -> CliContext.warn(List.of(warning), err));
    if (askRounds != null) {
      if (askRounds < 1 || askRounds > 20) {
        throw new ParameterException(spec.commandLine(), "--ask-loop takes 1 to 20 questions, not " + askRounds);
      }
      AskLoop.Result result;
      try (RareSearch rare = CliContext.warnAbout(vocabulary.commandBuilder(index, err).open(), err)) {
        if (rare.vocabulary().isEmpty()) {
          throw new ParameterException(spec.commandLine(), "--ask-loop needs an index with a vocabulary, or --hpo FILE");
        }
        result = AskLoop.run(rare, queryList, judgements, askRounds, seed);
      }
      out.printf(Locale.ROOT, "%s: %d judged queries; %d questions asked, %d answered yes%n",
          queries.getFileName(), result.start().queries(), result.questions(), result.yes());
      out.printf(Locale.ROOT, "%-34s %7s %7s %7s %7s %7s%n", "findings", "MRR", "S@1", "S@10", "nDCG@10", "R@100");
      for (var row : List.of(java.util.Map.entry("half (the start)", result.start()),
          java.util.Map.entry("half + " + askRounds + " withheld at random", result.random()),
          java.util.Map.entry("half + " + askRounds + " questions answered", result.asked()))) {
        Metrics m = row.getValue();
        out.printf(Locale.ROOT, "%-34s %7.3f %7.3f %7.3f %7.3f %7.3f%n", row.getKey(), m.mrr(), m.successAt1(), m.successAt10(), m.ndcgAt10(), m.recallAt100());
      }
      out.flush();
      return ExitCodes.OK;
    }
    Path reportDir;
    Metrics system;
    try (RareSearch rare = CliContext.warnAbout(vocabulary.commandBuilder(index, err).open(), err)) {
      reportDir = reports != null ? reports : rare.reportsDirectory().orElseThrow(() -> new ParameterException(
          spec.commandLine(), "the index " + index + " records no report directory; pass --reports DIR for the baseline"));
      system = Evaluator.evaluate(rare::rank, queryList, judgements);
    }
    Metrics baseline;
    try (BaselineIndex bare = BaselineIndex.build(reportDir)) {
      baseline = Evaluator.evaluate(bare, queryList, judgements);
    }
    out.printf(Locale.ROOT, "%s: %d judged queries%n", queries.getFileName(), system.queries());
    out.printf(Locale.ROOT, "%-12s %10s %10s %8s%n", "measure", "RareSearch", "baseline", "ratio");
    row(out, "MRR", system.mrr(), baseline.mrr());
    row(out, "success@1", system.successAt1(), baseline.successAt1());
    row(out, "success@10", system.successAt10(), baseline.successAt10());
    row(out, "nDCG@10", system.ndcgAt10(), baseline.ndcgAt10());
    row(out, "recall@100", system.recallAt100(), baseline.recallAt100());
    if (ablation) {
      out.printf(Locale.ROOT, "%nAblation%n%-34s %7s %7s %7s %7s %7s%n", "variant", "MRR", "S@1", "S@10", "nDCG@10", "R@100");
      for (var variant : Ablation.variants().entrySet()) {
        Metrics m;
        try (RareSearch rare = vocabulary.commandBuilder(index, err).ranking(variant.getValue()).open()) { // warned above
          m = Evaluator.evaluate(rare::rank, queryList, judgements);
        }
        out.printf(Locale.ROOT, "%-34s %7.3f %7.3f %7.3f %7.3f %7.3f%n",
            variant.getKey(), m.mrr(), m.successAt1(), m.successAt10(), m.ndcgAt10(), m.recallAt100());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private int evalPackets(PrintWriter out, PrintWriter err) {
    PacketCases packets = PacketCases.read(phenopackets, err);
    Metrics system;
    try (RareSearch rare = CliContext.warnAbout(vocabulary.commandBuilder(index, err).open(), err)) {
      Qrels judgements = packets.qrels(rare);
      system = Evaluator.measure(Evaluator.run(packets.ranker(rare), packets.queries(), Evaluator.DEPTH), judgements);
    }
    out.printf(Locale.ROOT, "phenopackets: %d judged packets%s%n", system.queries(),
        packets.rejected() == 0 ? "" : ", " + packets.rejected() + " rejected");
    out.printf(Locale.ROOT, "%-12s %10s%n", "measure", "RareSearch");
    for (var row : new Object[][] {{"MRR", system.mrr()}, {"success@1", system.successAt1()}, {"success@10", system.successAt10()},
        {"nDCG@10", system.ndcgAt10()}, {"recall@100", system.recallAt100()}}) {
      out.printf(Locale.ROOT, "%-12s %10.3f%n", row[0], row[1]);
    }
    out.flush();
    return packets.rejected() == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
  }

  private static void row(PrintWriter out, String name, double system, double baseline) {
    out.printf(Locale.ROOT, "%-12s %10.3f %10.3f %8s%n", name, system, baseline,
        baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2fx", system / baseline));
  }
}
