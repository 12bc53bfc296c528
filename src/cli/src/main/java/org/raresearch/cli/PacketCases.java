package org.raresearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.raresearch.Phenopackets;
import org.raresearch.RareSearch;
import org.raresearch.api.PatientCase;
import org.raresearch.errors.InputFileException;
import org.raresearch.eval.EvalQuery;
import org.raresearch.eval.Qrels;
import org.raresearch.eval.Ranker;

/**
 * The phenopackets of a {@code run} or {@code eval}: each readable packet a query, by its id; each
 * malformed one a bad record, said on standard error, that leaves the others ranked.
 */
final class PacketCases {
  private final Map<String, PatientCase> byId = new LinkedHashMap<>();
  private int rejected;

  private PacketCases() {}

  /** Reads the packets of the files and folders named, saying which are rejected and why. */
  static PacketCases read(List<Path> paths, PrintWriter err) {
    PacketCases cases = new PacketCases();
    Map<String, Path> files = new LinkedHashMap<>();
    for (Path file : Phenopackets.files(paths)) {
      try {
        PatientCase patient = Phenopackets.read(file);
        Path earlier = files.putIfAbsent(patient.id(), file);
        if (earlier != null) {
          throw new InputFileException(file.toString(), 0, "its id " + patient.id() + " is also the id of " + earlier);
        }
        cases.byId.put(patient.id(), patient);
      } catch (InputFileException e) {
        cases.rejected++;
        err.println("raresearch: rejected " + e.getMessage());
      }
    }
    err.flush();
    return cases;
  }

  /** One query per packet, its text the packet's id (what {@link #ranker} ranks it by). */
  List<EvalQuery> queries() {
    return byId.keySet().stream().map(id -> new EvalQuery(id, id)).toList();
  }

  /** Ranks each packet's case, found by its id. */
  Ranker ranker(RareSearch rare) {
    return (id, limit) -> rare.rankCase(byId.get(id), limit);
  }

  /**
   * The packets' diagnoses as judgements: each diagnosis as the diseases of the index that hold
   * its report ({@code OMIM:154700} in {@code ORPHA_558} when the two are linked), or as its
   * report id when the index holds no such report.
   */
  Qrels qrels(RareSearch rare) {
    Map<String, Set<String>> relevant = new LinkedHashMap<>();
    byId.forEach((id, patient) -> {
      Set<String> diseases = new LinkedHashSet<>();
      for (String diagnosis : patient.diagnoses()) {
        String report = Phenopackets.reportId(diagnosis);
        List<String> holding = rare.diseasesOf(report);
        diseases.addAll(holding.isEmpty() ? List.of(report) : holding);
      }
      if (!diseases.isEmpty()) {
        relevant.put(id, diseases);
      }
    });
    return Qrels.of(relevant);
  }

  /** Writes judgements as TREC qrels, {@code query-id 0 disease-id 1}, queries in packet order. */
  void writeQrels(Path file, Qrels qrels) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String id : byId.keySet()) {
      if (qrels.queryIds().contains(id)) {
        for (String disease : new TreeSet<>(qrels.relevant(id))) {
          lines.add(id + " 0 " + disease + " 1");
        }
      }
    }
    java.nio.file.Files.write(file, lines);
  }

  /** How many packets were rejected. */
  int rejected() {
    return rejected;
  }

  /** The case of a packet read, by id. */
  PatientCase get(String id) {
    return byId.get(id);
  }
}
