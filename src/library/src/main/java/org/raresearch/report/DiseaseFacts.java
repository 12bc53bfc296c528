package org.raresearch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a source states of a disease as structured data rather than text: what kind of entity it is,
 * how common it is, when it starts and where it sits in the source's classification. It records
 * what the source says; what ranking makes of it is decided when the index is built.
 *
 * <pre>{@code
 * DiseaseFacts facts = new DiseaseFacts(Optional.of("Disease"),
 *     List.of(new DiseaseFacts.Prevalence("1-5 / 10 000", "Point prevalence", "Europe")),
 *     List.of("HP:0003593"), List.of("ORPHA:708881"));
 * }</pre>
 *
 * @param disorderType the source's kind of entity, such as Orphanet's {@code Disease}, {@code
 *     Clinical subtype}, {@code Category} or {@code Clinical group}; empty when it gives none
 * @param prevalences the prevalence estimates the source gives, as it gives them
 * @param onsets the clinical course terms the source states of the disease (its ages of onset and,
 *     from the HPO's annotations, other course terms such as Progressive), as HPO term ids, each once
 * @param parents the accessions of the entities the source classifies the disease under, such as
 *     {@code ORPHA:708881}
 */
public record DiseaseFacts(Optional<String> disorderType, List<Prevalence> prevalences, List<String> onsets, List<String> parents) {
  /** A disease about which its source states none of these facts. */
  public static final DiseaseFacts NONE = new DiseaseFacts(Optional.empty(), List.of(), List.of(), List.of());

  private static final Pattern TERM_ID = Pattern.compile("HP:[0-9]+");
  private static final Pattern ACCESSION = Pattern.compile("[A-Za-z][A-Za-z0-9]*:\\S+");

  /**
   * One prevalence estimate.
   *
   * @param estimate the class ({@code 1-9 / 100 000}, {@code <1 / 1 000 000}, {@code Unknown}, ...)
   * @param type what is estimated: {@code Point prevalence}, {@code Prevalence at birth}, {@code
   *     Annual incidence}, {@code Cases/families}, ...; empty when the source does not say
   * @param geography where: {@code Worldwide}, {@code Europe}, a country; empty when not said
   */
  public record Prevalence(String estimate, String type, String geography) {
    /** Checks for nulls and strips the values. */
    public Prevalence {
      estimate = Objects.requireNonNull(estimate, "estimate").strip();
      type = Objects.requireNonNull(type, "type").strip();
      geography = Objects.requireNonNull(geography, "geography").strip();
    }
  }

  /**
   * Checks the term ids and accessions and copies the lists.
   *
   * @throws IllegalArgumentException when an onset is not an HPO term id or a parent not an
   *     accession
   */
  public DiseaseFacts {
    Objects.requireNonNull(disorderType, "disorderType");
    disorderType = disorderType.map(String::strip).filter(type -> !type.isEmpty());
    prevalences = List.copyOf(prevalences);
    onsets = List.copyOf(onsets.stream().distinct().toList());
    parents = List.copyOf(parents.stream().distinct().toList());
    for (String onset : onsets) {
      if (!TERM_ID.matcher(onset).matches()) {
        throw new IllegalArgumentException("an onset is an HPO term id (HP: and digits), not \"" + onset + "\"");
      }
    }
    for (String parent : parents) {
      if (!ACCESSION.matcher(parent).matches()) {
        throw new IllegalArgumentException("a parent is SOURCE:accession, not \"" + parent + "\"");
      }
    }
  }

  /**
   * Whether the disease is a group of disorders rather than a diagnosis: Orphanet's categories and
   * clinical groups.
   *
   * @return whether the disorder type is {@code Category} or {@code Clinical group}
   */
  public boolean isGroup() {
    return disorderType.map(type -> type.toLowerCase(Locale.ROOT))
        .filter(type -> type.equals("category") || type.equals("clinical group") || type.equals("group of phenomes"))
        .isPresent();
  }

  /**
   * Whether the source states none of these facts.
   *
   * @return whether every field is empty
   */
  public boolean isEmpty() {
    return disorderType.isEmpty() && prevalences.isEmpty() && onsets.isEmpty() && parents.isEmpty();
  }

  /** A disease known only from case reports counts as this share of people. */
  public static final double CASES_ONLY = 1e-7;

  private static final Map<String, Double> CLASSES = Map.of(
      ">1/1000", 3e-3,
      "6-9/10000", 7.5e-4,
      "1-5/10000", 3e-4,
      "1-9/100000", 3e-5,
      "1-9/1000000", 3e-6,
      "<1/1000000", 3e-7);

  /**
   * The prevalence these estimates state, as a share of people. Orphanet gives classes; each
   * stands for a typical prevalence inside it ({@code 1-5 / 10 000} is 3 in 10,000). Of several
   * estimates, the worldwide ones are read, else the European ones, else all; of those, the highest
   * prevalence (point, at birth or lifetime) counts, and an annual incidence only when no prevalence
   * is given. A disease known only from case reports ({@code Cases/families}) counts as {@link
   * #CASES_ONLY}.
   *
   * @return the share, or empty when no estimate gives one
   */
  public OptionalDouble prevalence() {
    List<Prevalence> chosen = new ArrayList<>();
    for (String area : List.of("worldwide", "europe", "")) {
      for (Prevalence p : prevalences) {
        if (area.isEmpty() || p.geography().toLowerCase(Locale.ROOT).equals(area)) {
          chosen.add(p);
        }
      }
      if (chosen.stream().anyMatch(p -> classValue(p.estimate()).isPresent())) {
        break;
      }
      if (!area.isEmpty()) {
        chosen.clear();
      }
    }
    double prevalence = 0;
    double incidence = 0;
    boolean cases = false;
    for (Prevalence p : chosen) {
      String type = p.type().toLowerCase(Locale.ROOT);
      OptionalDouble value = classValue(p.estimate());
      if (type.startsWith("cases")) {
        cases = true;
      } else if (value.isPresent() && type.contains("incidence")) {
        incidence = Math.max(incidence, value.getAsDouble());
      } else if (value.isPresent()) {
        prevalence = Math.max(prevalence, value.getAsDouble());
      }
    }
    if (prevalence > 0) {
      return OptionalDouble.of(prevalence);
    }
    if (incidence > 0) {
      return OptionalDouble.of(incidence);
    }
    return cases ? OptionalDouble.of(CASES_ONLY) : OptionalDouble.empty();
  }

  private static OptionalDouble classValue(String estimate) {
    Double value = CLASSES.get(estimate.replaceAll("\\s+", ""));
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}
