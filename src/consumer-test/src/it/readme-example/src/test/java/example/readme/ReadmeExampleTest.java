package example.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.raresearch.RareSearch;

/** The library as an application gets it: the README's example, the module, the dependencies. */
class ReadmeExampleTest {
  private static final Path REPORTS = Path.of(System.getProperty("raresearch.reports"));
  private static final Path README = Path.of(System.getProperty("raresearch.readme"));
  private static final Path DEPENDENCIES = Path.of(System.getProperty("dependencies.list"));

  @Test
  void readmeExample_findsTheDiseasesTheBundledReportsDescribe(@TempDir Path tmp) throws IOException {
    List<String> lines = runMain(tmp.resolve("my-index"));
    // Drooping eyelids and double vision are how myasthenia gravis most often begins.
    assertTrue(lines.get(0).startsWith("Myasthenia Gravis ["), String.join("\n", lines));
    assertTrue(lines.get(1).startsWith("  "), "a snippet follows the first hit: " + lines);
    // "dermatomyocitis" is a misspelling of Dermatomyositis.
    List<String> matches = lines.stream().filter(l -> l.matches(".+ \\([A-Z_]+, [0-9.]+\\)")).toList();
    assertTrue(matches.get(0).startsWith("Dermatomyositis (NEAR_MISS, 0."), matches.toString());
    // The bundled Dermatomyositis report lists ADM and IIM among its other names.
    String synonyms = lines.get(lines.size() - 1);
    assertTrue(synonyms.startsWith("[") && synonyms.contains("ADM") && synonyms.contains("IIM"), synonyms);
  }

  @Test
  void readme_showsTheExampleThisProgramRuns() throws IOException {
    String readme = Files.readString(README);
    Matcher block = Pattern.compile("\\n## Library\\n.*?```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has no java block under \"## Library\"");
    String shown = block.group(1)
        .replace("Path.of(\"my-index\")", "index")
        .replace("Path.of(\"reports\")", "reports");
    String main = Files.readString(Path.of("src/main/java/example/readme/Main.java"));
    assertEquals(tryBlock(shown), tryBlock(main));
  }

  /** The {@code try} statement of an example, each line stripped, spaces collapsed. */
  private static String tryBlock(String code) {
    List<String> lines = code.lines().map(l -> l.strip().replaceAll("\\s+", " ")).toList();
    int start = 0;
    while (start < lines.size() && !lines.get(start).startsWith("try (RareSearch rare")) {
      start++;
    }
    int depth = 0;
    for (int end = start; end < lines.size(); end++) {
      depth += lines.get(end).chars().filter(c -> c == '{').count() - lines.get(end).chars().filter(c -> c == '}').count();
      if (depth == 0 && end > start) {
        return String.join("\n", lines.subList(start, end + 1));
      }
    }
    throw new AssertionError("no try statement in:\n" + code);
  }

  @Test
  void dependencies_areLuceneJacksonAndCommonsCompress_withTheirOwn() throws IOException {
    Set<String> runtime = new TreeSet<>();
    Pattern line = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar:(?:[\\w.-]+:)?[\\w.-]+:(compile|runtime)\\b.*");
    for (String l : Files.readAllLines(DEPENDENCIES)) {
      Matcher m = line.matcher(l);
      if (m.matches()) {
        runtime.add(m.group(1) + ":" + m.group(2));
      }
    }
    assertEquals(new TreeSet<>(Set.of(
        "org.raresearch:raresearch",
        // Lucene, and what its highlighter uses of it
        "org.apache.lucene:lucene-core",
        "org.apache.lucene:lucene-analysis-common",
        "org.apache.lucene:lucene-queries",
        "org.apache.lucene:lucene-highlighter",
        "org.apache.lucene:lucene-memory",
        "org.apache.lucene:lucene-suggest",
        // JSON: Orphanet's packets, HPO releases, the stored reports
        "com.fasterxml.jackson.core:jackson-databind",
        "com.fasterxml.jackson.core:jackson-core",
        "com.fasterxml.jackson.core:jackson-annotations",
        // .tar.gz archives of Orphanet's packets, and what commons-compress uses
        "org.apache.commons:commons-compress",
        "commons-codec:commons-codec",
        "commons-io:commons-io",
        "org.apache.commons:commons-lang3")), runtime, "the runtime dependencies in " + DEPENDENCIES);
  }

  @Test
  void buildTooling_doesNotComeWithTheLibrary() {
    for (String className : List.of(
        "picocli.CommandLine", "org.openjdk.jmh.annotations.Benchmark", "joptsimple.OptionParser",
        "org.raresearch.cli.RareSearchCli", "org.raresearch.bench.BenchRunner", "org.raresearch.eval.Evaluator",
        "org.apache.lucene.queryparser.classic.QueryParser", "org.raresearch.testing.SharedData")) {
      assertThrows(ClassNotFoundException.class, () -> Class.forName(className), className);
    }
    assertFalse(ModuleLayer.boot().findModule("info.picocli").isPresent());
  }

  @Test
  void library_isTheModuleOrgRaresearch_exportingItsApiOnly() {
    Module library = RareSearch.class.getModule();
    assertTrue(library.isNamed(), "the library is on the class path, not the module path");
    ModuleDescriptor descriptor = library.getDescriptor();
    assertEquals("org.raresearch", descriptor.name());
    Set<String> exported = descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(Set.of("org.raresearch", "org.raresearch.api", "org.raresearch.errors",
        "org.raresearch.report", "org.raresearch.sources", "org.raresearch.vocabulary")), exported);
    assertFalse(library.isExported("org.raresearch.index", getClass().getModule()));
  }

  @Test
  void tokenFilters_areOfferedToLuceneByName() {
    Set<String> names = TokenFilterFactory.availableTokenFilters();
    for (String name : List.of("typeFiller", "parentheticalVariants", "qualifierWord", "romanNumeral", "closePositionGaps")) {
      assertTrue(names.contains(name), name + " is not among " + names);
      assertEquals(name, TokenFilterFactory.findSPIName(TokenFilterFactory.forName(name, new HashMap<>()).getClass()));
    }
  }

  private static List<String> runMain(Path index) throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      Main.main(new String[] {index.toString(), REPORTS.toString()});
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
