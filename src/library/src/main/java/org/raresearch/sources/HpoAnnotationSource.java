package org.raresearch.sources;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raresearch.errors.Excerpt;
import org.raresearch.errors.FileProblems;
import org.raresearch.errors.InputFileException;
import org.raresearch.io.BoundedLineReader;
import org.raresearch.vocabulary.HpoOntology;

/**
 * The diseases of the HPO's annotation file ({@code phenotype.hpoa}, optionally gzip-compressed) as
 * reports: each OMIM, ORPHA and DECIPHER disease becomes a report with its name and its findings
 * (labels from the ontology), with their frequency and onset, its inheritance and clinical course.
 *
 * <pre>{@code
 * HpoOntology hpo = HpoOntology.load(Path.of("hp.json.gz"));
 * rare.ingest(new HpoAnnotationSource(Path.of("phenotype.hpoa"), hpo), IngestProgress.NONE);
 * }</pre>
 *
 * <p>Report ids are {@code OMIM_<n>} and {@code DECIPHER_<n>}. An {@code ORPHA:<n>} disease is
 * {@code HPO_ORPHA_<n>}, with an exact cross-reference to {@code ORPHA:<n>}: {@code ORPHA_<n>} is
 * the report imported from Orphanet's own packets, and the two resolve as one disease. So does an
 * OMIM disease with the Orphanet report that maps to it exactly.
 *
 * <p>The file is read line by line; the rows of a disease are expected together, as the HPO writes
 * them, and only the current disease is held in memory. A row that is malformed, names a term the
 * ontology lacks, or comes after its disease's rows ended is a bad record, reported with its line;
 * so is a line over 65,536 characters, which is skipped without
 * being held in memory, however long (a small gzip file can hold a line of gigabytes).
 */
public final class HpoAnnotationSource implements ReportSource {
  /** The origin HPO annotation reports are recorded under. */
  public static final String ORIGIN = "hpo";

  private static final Pattern DISEASE = Pattern.compile("(OMIM|ORPHA|ORPHANET|DECIPHER):([0-9A-Za-z.]{1,32})");
  private static final Pattern DATE = Pattern.compile("#\\s*date:\\s*(\\d{4}-\\d{2}-\\d{2}).*");

  private final Path annotations;
  private final HpoOntology ontology;

  /**
   * A source over an annotation file; nothing is read until an import reads it.
   *
   * @param annotations {@code phenotype.hpoa} or {@code phenotype.hpoa.gz}
   * @param ontology the HPO release whose labels name the findings; the same instance the query side
   *     uses can be passed (see {@code RareSearch.Builder.hpo(HpoOntology)})
   */
  public HpoAnnotationSource(Path annotations, HpoOntology ontology) {
    this.annotations = Objects.requireNonNull(annotations, "annotations");
    this.ontology = Objects.requireNonNull(ontology, "ontology");
  }

  @Override
  public String origin() {
    return ORIGIN;
  }

  /** The ontology the annotations are read with: it is kept with the index. */
  @Override
  public Optional<HpoOntology> vocabulary() {
    return Optional.of(ontology);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InputFileException when the file cannot be read to its end
   */
  @Override
  public void read(Sink sink) {
    String file = annotations.toString();
    try (SourceFile source = SourceFile.open(annotations);
        BoundedLineReader reader = new BoundedLineReader(
            new InputStreamReader(source.in(), StandardCharsets.UTF_8), BoundedLineReader.MAX_LINE_CHARS, Long.MAX_VALUE,
            (number, length) -> sink.rejected(file + ":" + number, BoundedLineReader.skippedReason(length, BoundedLineReader.MAX_LINE_CHARS), null))) {
      Columns columns = Columns.LEGACY;
      Optional<LocalDate> date = Optional.empty();
      HpoDisease current = null;
      Set<String> finished = new HashSet<>();
      String line;
      long lineNumber;
      while ((line = reader.readLine()) != null) {
        lineNumber = reader.lineNumber();
        String position = file + ":" + lineNumber;
        if (line.isBlank()) {
          continue;
        }
        if (line.startsWith("#") || line.startsWith("database_id")) {
          Matcher dateLine = DATE.matcher(line);
          if (dateLine.matches()) {
            date = parseDate(dateLine.group(1));
          } else if (line.startsWith("#DatabaseID") || line.startsWith("database_id")) {
            columns = Columns.of(line);
          }
          continue;
        }
        String[] row = line.split("\t", -1);
        String diseaseId = columns.get(row, "databaseid").strip();
        Matcher disease = DISEASE.matcher(diseaseId);
        if (!disease.matches()) {
          sink.rejected(position, diseaseId.isEmpty() ? "the row names no disease" : Excerpt.quoted(diseaseId) + " is not an OMIM, ORPHA or DECIPHER id", null);
          continue;
        }
        String accession = (disease.group(1).equals("ORPHANET") ? "ORPHA" : disease.group(1)) + ":" + disease.group(2);
        if (current == null || !current.accession().equals(accession)) {
          if (current != null) {
            emit(current, date, sink);
            finished.add(current.accession());
          }
          if (finished.contains(accession)) {
            sink.rejected(position, "the rows of " + accession + " are not together; this row is left out", null);
            current = null;
            continue;
          }
          current = new HpoDisease(accession, columns.get(row, "diseasename"));
        }
        String problem = current.add(
            columns.get(row, "hpoid"),
            columns.get(row, "qualifier"),
            columns.get(row, "aspect"),
            columns.get(row, "frequency"),
            columns.get(row, "onset"),
            ontology);
        if (problem != null) {
          sink.rejected(position, problem, null);
        }
        if (lineNumber % 1000 == 0) {
          sink.progress(source.bytesRead(), source.size());
        }
      }
      if (current != null) {
        emit(current, date, sink);
      }
      sink.progress(source.size(), source.size());
    } catch (IOException e) {
      throw new InputFileException(file, 0, FileProblems.describe(e), e);
    }
  }

  private void emit(HpoDisease disease, Optional<LocalDate> date, Sink sink) {
    String release = date.map(d -> ", release " + d).orElse("");
    sink.report(disease.toReport(date, "Human Phenotype Ontology annotations" + release + " (HPO Consortium, hpo.jax.org)"));
  }

  private static Optional<LocalDate> parseDate(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Column positions by name: the header names them ({@code #DatabaseID} or {@code database_id}). */
  private record Columns(Map<String, Integer> positions) {
    static final Columns LEGACY = of(
        "#DatabaseID\tDiseaseName\tQualifier\tHPO_ID\tReference\tEvidence\tOnset\tFrequency\tSex\tModifier\tAspect\tBiocuration");

    static Columns of(String header) {
      Map<String, Integer> positions = new HashMap<>();
      String[] names = header.split("\t");
      for (int i = 0; i < names.length; i++) {
        positions.put(names[i].replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT), i);
      }
      return new Columns(positions);
    }

    /** The cell of a column, "" when the row is too short or the header lacks the column. */
    String get(String[] row, String column) {
      Integer at = positions.get(column);
      return at == null || at >= row.length ? "" : row[at];
    }
  }
}
