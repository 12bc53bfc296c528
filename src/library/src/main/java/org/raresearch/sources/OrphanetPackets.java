package org.raresearch.sources;

import static org.raresearch.sources.SectionText.line;
import static org.raresearch.sources.SectionText.lines;
import static org.raresearch.sources.SectionText.put;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.raresearch.errors.Excerpt;
import org.raresearch.report.CrossReference;
import org.raresearch.report.DiseaseFacts;
import org.raresearch.report.DiseaseReport;
import org.raresearch.report.Finding;
import org.raresearch.report.Frequency;
import org.raresearch.report.PhenotypeAnnotation;
import org.raresearch.report.SectionKey;
import org.raresearch.report.SectionKind;

/**
 * Turns one ORPHApacket (Orphanet's JSON description of an entity) into a report with the sections
 * of a NORD report: the definition as General Discussion, the HPO phenotypes by frequency as Signs
 * &amp; Symptoms, inheritance and genes as Causes, prevalence and age of onset as Affected
 * Populations, the classification and OMIM mappings as Related Disorders.
 *
 * <p>Packets write a repeated field sometimes as a list ({@code "Synonyms": [{"Synonym": "MFS"}]}),
 * sometimes as one object ({@code "Prevalences": {"Prevalence": [...]}}), sometimes as an object
 * around one item; any of them may be missing. {@link #items} reads all of these alike.
 */
final class OrphanetPackets {
  private OrphanetPackets() {}

  /**
   * The report of a packet.
   *
   * @param packet the packet: the object under {@code "Orphapacket"}, or the whole file's object
   * @throws IllegalArgumentException when the packet has no ORPHAcode or no label
   */
  static DiseaseReport toReport(JsonNode packet) {
    JsonNode p = packet.has("Orphapacket") ? packet.get("Orphapacket") : packet;
    if (!p.isObject()) {
      throw new IllegalArgumentException("a packet is a JSON object, not " + p.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String code = text(p, "ORPHAcode");
    if (!code.matches("[0-9]+")) {
      throw new IllegalArgumentException(code.isEmpty() ? "the packet has no ORPHAcode" : "the ORPHAcode " + Excerpt.quoted(code) + " is not a number");
    }
    String label = text(p, "Label");
    if (label.isEmpty()) {
      throw new IllegalArgumentException("the packet of ORPHA:" + code + " has no Label");
    }
    List<String> synonyms = new ArrayList<>();
    for (JsonNode synonym : items(p.get("Synonyms"), "Synonym")) {
      synonyms.add(synonym.isValueNode() ? synonym.asText() : text(synonym, "value"));
    }
    List<String> subdivisions = new ArrayList<>();
    for (JsonNode child : items(p.get("Children"), "Child")) {
      subdivisions.add(text(child, "Label"));
    }

    Map<SectionKey, String> sections = new LinkedHashMap<>();
    put(sections, SectionKind.GENERAL_DISCUSSION, definition(p));
    List<PhenotypeAnnotation> phenotypes = phenotypes(p);
    put(sections, SectionKind.SIGNS_AND_SYMPTOMS, Finding.listing(findings(p)));
    put(sections, SectionKind.CAUSES, lines(
        line("Inheritance", values(p.get("TypeOfInheritances"), "TypeOfInheritance"), ", "),
        line("Genes", genes(p.get("Genes")), ", "),
        line("Genes of the subtypes", childGenes(p), "; ")));
    put(sections, SectionKind.AFFECTED_POPULATIONS, lines(
        line("Prevalence", prevalences(p), "; "),
        line("Age of onset", values(p.get("AverageAgeOfOnsets"), "AverageAgeOfOnset"), ", ")));
    List<CrossReference> references = crossReferences(p);
    put(sections, SectionKind.RELATED_DISORDERS, lines(
        line("Disorder type", valueOf(p.get("DisorderType")).stream().toList(), ", "),
        line("Classified under", parents(p), "; "),
        line("Cross-references", references.stream().map(OrphanetPackets::describe).toList(), ", ")));

    String copyright = text(p, "copyright");
    return new DiseaseReport(
        "ORPHA_" + code,
        label,
        synonyms,
        subdivisions,
        sections,
        List.of(),
        date(text(p, "creationDate")),
        Optional.of((copyright.isEmpty() ? "Orphanet" : copyright) + ", ORPHA:" + code
            + ", licensed under CC BY 4.0 (www.orpha.net)"),
        references,
        phenotypes,
        facts(p));
  }

  /**
   * Orphanet's ages of onset as the HPO's onset terms: "Antenatal" is Antenatal onset, "Infancy"
   * Infantile onset, "Adolescent" Juvenile onset, "Elderly" Late onset; "All ages" is every one of
   * them, so that no age contradicts it.
   */
  static final Map<String, List<String>> ONSETS;

  static {
    Map<String, List<String>> onsets = new LinkedHashMap<>();
    onsets.put("antenatal", List.of("HP:0030674"));
    onsets.put("neonatal", List.of("HP:0003623"));
    onsets.put("infancy", List.of("HP:0003593"));
    onsets.put("childhood", List.of("HP:0011463"));
    onsets.put("adolescent", List.of("HP:0003621"));
    onsets.put("adult", List.of("HP:0003581"));
    onsets.put("elderly", List.of("HP:0003584"));
    onsets.put("all ages", onsets.values().stream().flatMap(List::stream).toList());
    ONSETS = Map.copyOf(onsets);
  }

  /** The packet's disorder type, prevalences, ages of onset and parents. */
  private static DiseaseFacts facts(JsonNode p) {
    List<DiseaseFacts.Prevalence> prevalences = new ArrayList<>();
    for (JsonNode prevalence : items(p.get("Prevalences"), "Prevalence")) {
      if (prevalence.isObject()) {
        String estimate = text(prevalence, "PrevalenceClass");
        String type = text(prevalence, "PrevalenceType");
        if (!estimate.isEmpty() || !type.isEmpty()) {
          prevalences.add(new DiseaseFacts.Prevalence(estimate, type.equalsIgnoreCase("no data") ? "" : type, text(prevalence, "PrevalenceGeographic")));
        }
      }
    }
    List<String> onsets = new ArrayList<>();
    for (String onset : values(p.get("AverageAgeOfOnsets"), "AverageAgeOfOnset")) {
      onsets.addAll(ONSETS.getOrDefault(onset.toLowerCase(Locale.ROOT), List.of()));
    }
    List<String> parents = new ArrayList<>();
    for (JsonNode parent : items(p.get("Parents"), "Parent")) {
      String code = parent.isObject() ? text(parent, "ORPHAcode") : "";
      if (code.matches("[0-9]+")) {
        parents.add("ORPHA:" + code);
      }
    }
    return new DiseaseFacts(valueOf(p.get("DisorderType")), prevalences, onsets, parents);
  }

  /**
   * The items of a repeated field, whichever way the packet writes it: {@code [{"X": a}, {"X": b}]},
   * {@code {"X": [a, b]}}, {@code [{"X": [a]}, {"X": [b]}]}, {@code {"X": a}}, {@code [a, b]} or
   * {@code a} all give {@code a, b}. A missing or null field gives none.
   *
   * @param field the field's value, or null when it is missing
   * @param wrapper the name each item is wrapped in, such as {@code Synonym}
   */
  static List<JsonNode> items(JsonNode field, String wrapper) {
    List<JsonNode> items = new ArrayList<>();
    collect(field, wrapper, items);
    return items;
  }

  private static void collect(JsonNode node, String wrapper, List<JsonNode> items) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isArray()) {
      node.forEach(element -> collect(element, wrapper, items));
    } else if (node.isObject() && node.has(wrapper)) {
      collect(node.get(wrapper), wrapper, items);
    } else if (!(node.isTextual() && node.asText().isBlank())) {
      items.add(node);
    }
  }

  private static String definition(JsonNode p) {
    StringJoiner text = new StringJoiner("\n\n");
    for (JsonNode section : items(p.get("TextSection"), "TextSection")) {
      String contents = text(section, "Contents");
      if (!contents.isEmpty()) {
        text.add(contents);
      }
    }
    return text.toString();
  }

  private static List<Finding> findings(JsonNode p) {
    List<Finding> findings = new ArrayList<>();
    for (JsonNode phenotype : items(p.get("Phenotypes"), "Phenotype")) {
      String term = text(phenotype, "HPOTerm");
      if (!term.isEmpty()) {
        findings.add(new Finding(asFinding(term), frequency(text(phenotype, "HPOFrequency"))));
      }
    }
    return findings;
  }

  /**
   * The packet's phenotypes with a well-formed HPO id and a term name, each term once (as first
   * listed); a phenotype without either cannot be told apart from damage, so it is left out.
   */
  private static List<PhenotypeAnnotation> phenotypes(JsonNode p) {
    Map<String, PhenotypeAnnotation> phenotypes = new LinkedHashMap<>();
    for (JsonNode phenotype : items(p.get("Phenotypes"), "Phenotype")) {
      String term = text(phenotype, "HPOTerm");
      String id = text(phenotype, "HPOId");
      if (!term.isEmpty() && HPO_ID.matcher(id).matches()) {
        phenotypes.putIfAbsent(id, new PhenotypeAnnotation(id, term, frequency(text(phenotype, "HPOFrequency"))));
      }
    }
    return List.copyOf(phenotypes.values());
  }

  private static final Pattern HPO_ID = Pattern.compile("HP:[0-9]+");

  /** "Very frequent (99-80%)" is {@link Frequency#VERY_FREQUENT}; anything unknown is {@link Frequency#UNKNOWN}. */
  static Frequency frequency(String label) {
    int bracket = label.indexOf('(');
    return Frequency.fromLabel(bracket < 0 ? label : label.substring(0, bracket)).orElse(Frequency.UNKNOWN);
  }

  /**
   * An HPO term as a finding in running text: "Aortic root aneurysm" becomes "aortic root
   * aneurysm", but "EEG abnormality" keeps its capitals.
   */
  static String asFinding(String term) {
    String t = term.strip();
    if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && Character.isLowerCase(t.charAt(1))) {
      return Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }
    return t;
  }

  private static List<String> genes(JsonNode field) {
    List<String> genes = new ArrayList<>();
    for (JsonNode gene : items(field, "Gene")) {
      String symbol = text(gene, "Symbol");
      String name = text(gene, "Name").isEmpty() ? text(gene, "Label") : text(gene, "Name");
      if (!symbol.isEmpty()) {
        genes.add(name.isEmpty() ? symbol : symbol + " (" + name + ")");
      }
    }
    return genes;
  }

  /** "FBN1 (Marfan syndrome type 1)": the genes of subtypes, when the entity names none itself. */
  private static List<String> childGenes(JsonNode p) {
    if (!items(p.get("Genes"), "Gene").isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (JsonNode child : items(p.get("Children"), "Child")) {
      StringJoiner symbols = new StringJoiner(", ");
      for (JsonNode gene : items(child.get("Genes"), "Gene")) {
        String symbol = text(gene, "Symbol");
        if (!symbol.isEmpty()) {
          symbols.add(symbol);
        }
      }
      if (symbols.length() > 0) {
        lines.add(symbols + " (" + text(child, "Label") + ")");
      }
    }
    return lines;
  }

  /** "1-5 / 10 000 (Europe)", each distinct class and area once; "3 case(s)" when there is no class. */
  private static List<String> prevalences(JsonNode p) {
    Set<String> prevalences = new LinkedHashSet<>();
    for (JsonNode prevalence : items(p.get("Prevalences"), "Prevalence")) {
      String value = text(prevalence, "PrevalenceClass");
      if (value.isEmpty() || value.equalsIgnoreCase("Unknown")) {
        String mean = text(prevalence, "ValMoy");
        String qualification = text(prevalence, "PrevalenceQualification");
        boolean counted = !mean.isEmpty() && !mean.equals("no data") && !mean.matches("0(\\.0+)?");
        value = counted ? mean.replaceAll("\\.0+$", "") + " " + qualification.toLowerCase(Locale.ROOT) : "";
      }
      if (!value.isBlank()) {
        String area = text(prevalence, "PrevalenceGeographic");
        prevalences.add(area.isEmpty() ? value.strip() : value.strip() + " (" + area + ")");
      }
    }
    return List.copyOf(prevalences);
  }

  private static List<String> parents(JsonNode p) {
    List<String> parents = new ArrayList<>();
    for (JsonNode parent : items(p.get("Parents"), "Parent")) {
      String label = text(parent, "Label");
      if (!label.isEmpty()) {
        parents.add(label);
      }
    }
    return parents;
  }

  private static List<CrossReference> crossReferences(JsonNode p) {
    List<CrossReference> references = new ArrayList<>();
    for (JsonNode reference : items(p.get("ExternalReferences"), "ExternalReference")) {
      String source = text(reference, "Source");
      String accession = text(reference, "Reference");
      if (!source.isEmpty() && accession.matches("\\S+")) {
        references.add(new CrossReference(source.toUpperCase(Locale.ROOT) + ":" + accession, match(text(reference, "DisorderMappingRelation"))));
      }
    }
    return references;
  }

  /** Orphanet's mapping relations: "E (Exact mapping...)", "BTNT (ORPHAcode is broader...)", "NTBT", "ND". */
  static CrossReference.Match match(String relation) {
    String kind = relation.strip().split("[\\s(]", 2)[0];
    return switch (kind) {
      case "E" -> CrossReference.Match.EXACT;
      case "BTNT" -> CrossReference.Match.BROADER;
      case "NTBT" -> CrossReference.Match.NARROWER;
      default -> CrossReference.Match.RELATED;
    };
  }

  private static String describe(CrossReference reference) {
    return reference.id() + switch (reference.match()) {
      case EXACT -> " (the same disorder)";
      case BROADER -> " (a narrower disorder)";
      case NARROWER -> " (a broader disorder)";
      case RELATED -> " (a related disorder)";
    };
  }

  private static List<String> values(JsonNode field, String wrapper) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : items(field, wrapper)) {
      valueOf(item).ifPresent(values::add);
    }
    return values;
  }

  /** {@code {"value": "Disease"}} or {@code "Disease"}. */
  private static Optional<String> valueOf(JsonNode item) {
    if (item == null) {
      return Optional.empty();
    }
    String value = item.isValueNode() ? item.asText().strip() : text(item, "value");
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<LocalDate> date(String timestamp) {
    if (timestamp.length() < 10) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(timestamp.substring(0, 10)));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // a damaged date costs only the date
    }
  }

  /** "Label: a, b." or "" when there are no values. */
  /** A field's text, stripped; "" when the field is missing, null or not a single value. */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? "" : value.asText().strip();
  }
}
