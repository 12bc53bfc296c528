package org.raresearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.LoadSummary;
import org.raresearch.report.Organization;
import org.raresearch.report.ParsedReport;
import org.raresearch.report.ReportDirectory;
import org.raresearch.report.SectionKind;

/**
 * Makes a corpus of any size by recombining the names, sentences, listed findings and organizations
 * of a seed corpus, so that benchmarks run on as many reports as users have, with text that reads
 * (and analyses) like the real thing.
 *
 * <p>Each generated report draws from its own random sequence, derived from the seed number and its
 * position: the same seed corpus and seed number always give the same reports, and a smaller corpus
 * is the start of a larger one. Reports are written as NORD-layout {@code .txt} files that {@link
 * org.raresearch.report.NordReportParser} reads.
 *
 * <pre>{@code
 * CorpusGenerator generator = CorpusGenerator.from(Path.of("index-data/reports"));
 * generator.write(Path.of("/tmp/corpus-10000"), 10_000, 42);
 * }</pre>
 *
 * <p>Immutable once built; {@link #write} and {@link #report} may be called from several threads.
 */
public final class CorpusGenerator {
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z0-9(])");
  private static final List<SectionKind> KINDS = List.of(
      SectionKind.GENERAL_DISCUSSION,
      SectionKind.SIGNS_AND_SYMPTOMS,
      SectionKind.CAUSES,
      SectionKind.AFFECTED_POPULATIONS,
      SectionKind.RELATED_DISORDERS,
      SectionKind.DIAGNOSIS,
      SectionKind.STANDARD_THERAPIES,
      SectionKind.INVESTIGATIONAL_THERAPIES,
      SectionKind.REFERENCES);
  private static final List<Frequency> LISTED = List.of(
      Frequency.VERY_FREQUENT, Frequency.FREQUENT, Frequency.OCCASIONAL, Frequency.EXCLUDED, Frequency.UNKNOWN);

  private final int seedReports;
  private final List<String> titles = new ArrayList<>();
  private final List<String> synonyms = new ArrayList<>();
  private final List<String> subdivisions = new ArrayList<>();
  private final List<Integer> synonymCounts = new ArrayList<>();
  private final List<Integer> subdivisionCounts = new ArrayList<>();
  /** Sentences of each kind of section, and how many sentences each seed report's section had. */
  private final Map<SectionKind, List<String>> sentences = new EnumMap<>(SectionKind.class);
  private final Map<SectionKind, List<Integer>> sentenceCounts = new EnumMap<>(SectionKind.class);
  private final Map<SectionKind, Integer> sectionPresence = new EnumMap<>(SectionKind.class);
  /** Listed findings by frequency class, and how many each seed report listed per class. */
  private final Map<Frequency, List<String>> findings = new EnumMap<>(Frequency.class);
  private final List<Map<Frequency, Integer>> findingCounts = new ArrayList<>();
  private final List<Organization> organizations = new ArrayList<>();
  private final List<Integer> organizationCounts = new ArrayList<>();

  private CorpusGenerator(List<DiseaseReport> seeds) {
    this.seedReports = seeds.size();
    for (SectionKind kind : KINDS) {
      sentences.put(kind, new ArrayList<>());
      sentenceCounts.put(kind, new ArrayList<>());
      sectionPresence.put(kind, 0);
    }
    LISTED.forEach(f -> findings.put(f, new ArrayList<>()));
    for (DiseaseReport report : seeds) {
      titles.add(report.title());
      synonyms.addAll(report.synonyms());
      subdivisions.addAll(report.subdivisions());
      synonymCounts.add(report.synonyms().size());
      subdivisionCounts.add(report.subdivisions().size());
      List<Finding> listed = Finding.listedIn(report.section(SectionKind.SIGNS_AND_SYMPTOMS));
      if (!listed.isEmpty()) {
        Map<Frequency, Integer> counts = new EnumMap<>(Frequency.class);
        for (Finding finding : listed) {
          Frequency listedAs = listedClass(finding.frequency());
          findings.get(listedAs).add(finding.text());
          counts.merge(listedAs, 1, Integer::sum);
        }
        findingCounts.add(counts);
      }
      for (SectionKind kind : KINDS) {
        String text = report.section(kind);
        if (text.isBlank()) {
          continue;
        }
        sectionPresence.merge(kind, 1, Integer::sum);
        if (kind == SectionKind.SIGNS_AND_SYMPTOMS && !listed.isEmpty()) {
          continue;
        }
        List<String> split = splitSentences(text);
        sentences.get(kind).addAll(split);
        sentenceCounts.get(kind).add(split.size());
      }
      organizations.addAll(report.organizations());
      organizationCounts.add(report.organizations().size());
    }
  }

  /**
   * A generator drawing on the reports of a directory.
   *
   * @param seedDirectory a directory of NORD-layout {@code .txt} reports (files that fail to parse
   *     are left out)
   * @throws IOException when the directory cannot be listed
   * @throws org.raresearch.errors.InputFileException when it holds no readable report
   */
  public static CorpusGenerator from(Path seedDirectory) throws IOException {
    LoadSummary summary = ReportDirectory.load(seedDirectory);
    if (summary.reports().isEmpty()) {
      throw new org.raresearch.errors.InputFileException(seedDirectory.toString(), 0, "no report in it could be read as a seed for generated reports");
    }
    return new CorpusGenerator(summary.reports().stream().map(ParsedReport::report).toList());
  }

  /** The number of seed reports drawn on. */
  public int seedReports() {
    return seedReports;
  }

  /**
   * Writes reports {@code 0 .. count-1} as {@code GEN_0000000.txt} files into {@code target}
   * (created if needed), replacing files of the same name.
   *
   * @return the total size of the files written, in bytes
   */
  public long write(Path target, int count, long seed) throws IOException {
    Files.createDirectories(target);
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      byte[] text = report(i, seed).getBytes(StandardCharsets.UTF_8);
      Files.write(target.resolve(fileName(i)), text);
      bytes += text.length;
    }
    return bytes;
  }

  /** The file name of generated report {@code index}. */
  public static String fileName(int index) {
    return String.format(Locale.ROOT, "GEN_%07d.txt", index);
  }

  /** The text of generated report {@code index}, in the NORD layout. */
  public String report(int index, long seed) {
    Random random = random(index, seed);
    StringBuilder out = new StringBuilder(8192);
    String title = title(random);
    out.append("Report generated for benchmarks, in the report layout of the National Organization for Rare Disorders\n\n");
    out.append("It is possible that the main title of the report ").append(title)
        .append(" is not the name you expected. Please check the synonyms listing to find the alternate name(s)")
        .append(" and disorder subdivision(s) covered by this report.\n\n");
    for (String synonym : pickSome(random, synonyms, pick(random, synonymCounts))) {
      out.append("  • ").append(synonym).append('\n');
    }
    out.append("\nDisorder Subdivisions\n\n");
    List<String> subs = pickSome(random, subdivisions, pick(random, subdivisionCounts));
    if (subs.isEmpty()) {
      out.append("  • None\n");
    }
    subs.forEach(s -> out.append("  • ").append(s).append('\n'));
    out.append('\n');
    for (SectionKind kind : KINDS) {
      if (random.nextInt(seedReports) >= sectionPresence.get(kind)) {
        continue;
      }
      String text = kind == SectionKind.SIGNS_AND_SYMPTOMS && wantsListedFindings(random)
          ? listedFindings(random)
          : prose(random, kind);
      if (!text.isEmpty()) {
        out.append(kind.heading()).append("\n\n").append(text).append("\n\n");
      }
    }
    List<Organization> orgs = pickSome(random, organizations, pick(random, organizationCounts));
    if (!orgs.isEmpty()) {
      out.append("Supporting Organizations\n\n");
      for (Organization org : orgs) {
        out.append(org.name()).append('\n');
        org.addressLines().forEach(line -> out.append(line).append('\n'));
        org.phones().forEach(phone -> out.append("Tel: ").append(phone).append('\n'));
        org.email().ifPresent(email -> out.append("Email: ").append(email).append('\n'));
        org.website().ifPresent(site -> out.append("Internet: ").append(site).append('\n'));
        out.append('\n');
      }
    }
    out.append(String.format(Locale.ROOT, "Last Updated: %02d/%02d/%d%n",
        1 + random.nextInt(12), 1 + random.nextInt(28), 2000 + random.nextInt(26)));
    out.append("Copyright 2026 RareSearch benchmark corpus, recombined from its seed reports.\n");
    return out.toString();
  }

  /** The title of generated report {@code index}, without generating the rest of it. */
  public String title(int index, long seed) {
    return title(random(index, seed)); // the title is the first thing a report draws
  }

  /**
   * Symptom phrases as users type them, for benchmark queries: the findings listed in the seed
   * reports' Signs &amp; Symptoms sections (excluded ones aside), or, for seed corpora written as
   * prose, two-word phrases from those sections.
   */
  public List<String> symptomPhrases() {
    List<String> all = new ArrayList<>();
    all.addAll(findings.get(Frequency.VERY_FREQUENT));
    all.addAll(findings.get(Frequency.FREQUENT));
    all.addAll(findings.get(Frequency.OCCASIONAL));
    if (all.isEmpty()) {
      for (String sentence : sentences.get(SectionKind.SIGNS_AND_SYMPTOMS)) {
        String[] words = sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (int i = 0; i + 1 < words.length; i += 3) {
          // Words of four letters or more: "in the" is no symptom, "muscle weakness" is.
          if (words[i].length() >= 4 && words[i + 1].length() >= 4) {
            all.add(words[i] + " " + words[i + 1]);
          }
        }
      }
    }
    return List.copyOf(all);
  }

  /** Every synonym of the seed reports (abbreviations among them), in seed order. */
  public List<String> seedSynonyms() {
    return List.copyOf(synonyms);
  }

  private static Random random(int index, long seed) {
    return new Random(seed * 0x9E3779B97F4A7C15L + index);
  }

  /** The start of one seed title joined to the end of another, as rare-disease names often are. */
  private String title(Random random) {
    String[] first = pick(random, titles).split(" ");
    String[] second = pick(random, titles).split(" ");
    int head = 1 + random.nextInt(first.length);
    int tail = random.nextInt(second.length);
    StringBuilder title = new StringBuilder();
    for (int i = 0; i < head; i++) {
      title.append(i == 0 ? "" : " ").append(first[i]);
    }
    for (int i = Math.max(tail, 1); i < second.length; i++) {
      title.append(' ').append(second[i]);
    }
    return title.toString();
  }

  private boolean wantsListedFindings(Random random) {
    int listed = findingCounts.size();
    int prose = sentenceCounts.get(SectionKind.SIGNS_AND_SYMPTOMS).size();
    return listed > 0 && random.nextInt(listed + prose) < listed;
  }

  private String listedFindings(Random random) {
    Map<Frequency, Integer> counts = pick(random, findingCounts);
    List<Finding> listed = new ArrayList<>();
    for (Frequency frequency : LISTED) {
      for (String item : pickSome(random, findings.get(frequency), counts.getOrDefault(frequency, 0))) {
        listed.add(new Finding(item, frequency));
      }
    }
    return Finding.listing(listed);
  }

  /** Sentences of a kind of section, as many as a seed report's section had, in paragraphs of three. */
  private String prose(Random random, SectionKind kind) {
    List<String> pool = sentences.get(kind);
    List<Integer> counts = sentenceCounts.get(kind);
    if (pool.isEmpty()) {
      return "";
    }
    int count = pick(random, counts);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(i == 0 ? "" : i % 3 == 0 ? "\n\n" : " ").append(pick(random, pool));
    }
    return text.toString();
  }

  private static Frequency listedClass(Frequency frequency) {
    return switch (frequency) {
      case OBLIGATE, VERY_FREQUENT -> Frequency.VERY_FREQUENT;
      case FREQUENT -> Frequency.FREQUENT;
      case OCCASIONAL, VERY_RARE -> Frequency.OCCASIONAL;
      case EXCLUDED -> Frequency.EXCLUDED;
      case UNKNOWN -> Frequency.UNKNOWN;
    };
  }

  private static List<String> splitSentences(String text) {
    List<String> split = new ArrayList<>();
    for (String paragraph : text.split("\n\\s*\n")) {
      for (String sentence : SENTENCE_END.split(paragraph.strip())) {
        String s = sentence.strip().replaceAll("\\s+", " ");
        if (!s.isEmpty()) {
          split.add(s);
        }
      }
    }
    return split;
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> List<T> pickSome(Random random, List<T> values, int count) {
    if (values.isEmpty() || count <= 0) {
      return List.of();
    }
    List<T> picked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      picked.add(pick(random, values));
    }
    return picked;
  }
}
