package org.raresearch.vocabulary;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Human Phenotype Ontology of one release, read from {@code hp.json} (obographs JSON) or {@code
 * hp.obo} (OBO text), either of them optionally gzip-compressed.
 *
 * <pre>{@code
 * HpoOntology hpo = HpoOntology.load(Path.of("hp.json.gz"));
 * hpo.term("HP:0001250").map(HpoTerm::label);         // Optional[Seizure]
 * hpo.ancestors("HP:0002136", 2);                      // Gait disturbance, Abnormality of movement
 * }</pre>
 *
 * <p>Only terms of the HP namespace are kept; nodes of other ontologies that the file imports are
 * ignored. Immutable and thread-safe.
 */
public final class HpoOntology {
  /**
   * The largest HPO file read, decompressed (in characters for OBO text): about 6 times the 2023
   * release's {@code hp.json}. A larger file is refused without being read to its end.
   */
  public static final long MAX_FILE_BYTES = 128L << 20;
  /**
   * Phenotypic abnormality, the term below which the HPO's findings are: inheritance, onset and
   * frequency terms are in other branches.
   */
  public static final String PHENOTYPIC_ABNORMALITY = "HP:0000118";
  /** Clinical course: onset, pace of progression, temporal pattern, mortality, outside the findings. */
  public static final String CLINICAL_COURSE = "HP:0031797";
  /** Onset, below Clinical course: the age at which a disease shows (Neonatal onset, Adult onset, ...). */
  public static final String ONSET = "HP:0003674";

  private final String release;
  private final List<String> warnings;
  private final Map<String, HpoTerm> lookup;
  private final List<HpoTerm> live;
  /** Every term of the file, live and obsolete, ordered by id. */
  private final List<HpoTerm> all;
  private final Set<String> tooGeneral;
  /** {@link #lineage} of each term asked for so far: terms are asked for again and again. */
  private final Map<String, List<String>> lineages = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> descendants = new ConcurrentHashMap<>();
  /** Each live term's live children: the walks down the ontology start here. */
  private final Map<String, List<String>> children = new HashMap<>();

  /**
   * @param release the release named in the file, or ""
   * @param terms every term of the file, live and obsolete, each id once
   */
  HpoOntology(String release, Collection<HpoTerm> terms) {
    this(release, terms, List.of());
  }

  /**
   * @param release the release named in the file, or ""
   * @param terms every term of the file, live and obsolete, each id once
   * @param warnings what was skipped while reading, each as {@code file:line: reason}
   */
  HpoOntology(String release, Collection<HpoTerm> terms, List<String> warnings) {
    this.release = Objects.requireNonNull(release, "release");
    this.warnings = List.copyOf(warnings);
    Map<String, HpoTerm> byId = new HashMap<>();
    Map<String, HpoTerm> byAltId = new HashMap<>();
    List<HpoTerm> liveTerms = new ArrayList<>();
    for (HpoTerm term : terms) {
      byId.put(term.id(), term);
      if (!term.obsolete()) {
        liveTerms.add(term);
      }
    }
    liveTerms.sort(Comparator.comparing(HpoTerm::id));
    // Resolution order: a live term's own id, a live term's alt id, an obsolete term's own id, an
    // obsolete term's alt id. Among live terms claiming the same alt id the lowest id wins.
    for (HpoTerm term : liveTerms) {
      for (String altId : term.altIds()) {
        byAltId.putIfAbsent(altId, term);
      }
    }
    Map<String, HpoTerm> resolved = new HashMap<>(byAltId);
    for (HpoTerm term : byId.values()) {
      if (term.obsolete()) {
        resolved.putIfAbsent(term.id(), term);
      }
    }
    for (HpoTerm term : byId.values()) {
      if (term.obsolete()) {
        for (String altId : term.altIds()) {
          resolved.putIfAbsent(altId, term);
        }
      }
    }
    for (HpoTerm term : liveTerms) {
      resolved.put(term.id(), term);
    }
    Set<String> general = new HashSet<>(Set.of(HpoIds.ROOT, PHENOTYPIC_ABNORMALITY));
    for (HpoTerm term : liveTerms) {
      if (term.parents().contains(PHENOTYPIC_ABNORMALITY)) {
        general.add(term.id());
      }
      for (String parent : term.parents()) {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(term.id());
      }
    }
    List<HpoTerm> allTerms = new ArrayList<>(byId.values());
    allTerms.sort(Comparator.comparing(HpoTerm::id));
    this.all = List.copyOf(allTerms);
    this.lookup = Map.copyOf(resolved);
    this.live = List.copyOf(liveTerms);
    this.tooGeneral = Set.copyOf(general);
  }

  /**
   * An ontology of the given terms, as a release file would give them.
   *
   * @param release the release's name, or ""
   * @param terms every term, live and obsolete, each id once; parents and alternative ids refer to
   *     terms by id
   * @return the ontology
   */
  public static HpoOntology of(String release, Collection<HpoTerm> terms) {
    return new HpoOntology(release, terms);
  }

  /**
   * Reads an HPO release file. The format is told by the content, not the name: a file whose first
   * non-blank character is <code>{</code> is obographs JSON, any other is OBO text; gzip
   * compression is recognised by its magic bytes.
   *
   * @param file an {@code hp.json}, {@code hp.obo}, {@code hp.json.gz} or {@code hp.obo.gz} file
   * @return the ontology it describes
   * @throws HpoFormatException when the file is missing or unreadable, its gzip data is damaged,
   *     it is not valid JSON or OBO, it is JSON without a {@code graphs} array, an OBO {@code [Term]}
   *     has no id, it holds no HP term at all, or it goes past {@link #MAX_FILE_BYTES} or one of the
   *     JSON limits (nesting, string length); the message names the file (and the line where there is
   *     one). An OBO line over the line limit is skipped and listed in {@link #warnings()}.
   */
  public static HpoOntology load(Path file) throws HpoFormatException {
    return HpoFiles.load(Objects.requireNonNull(file, "file"));
  }

  /**
   * The term with an id. An alternative id resolves to the live term that carries it; an obsolete
   * term's id that is nobody's alternative id gives the obsolete term ({@link HpoTerm#obsolete()}
   * true).
   *
   * @param id an id such as {@code HP:0001250} (also accepted: {@code HP_0001250} and the OBO URI)
   * @return the term, or empty when the release has no such id (or {@code id} is null)
   */
  public Optional<HpoTerm> term(String id) {
    String key = HpoIds.normalize(id);
    return key == null ? Optional.empty() : Optional.ofNullable(lookup.get(key));
  }

  /**
   * The live terms an id stands for in this release: the term itself when it is live (an
   * alternative id gives the live term that carries it); for an obsolete term, the term that
   * replaces it ({@code replaced_by}) or, failing that, the terms the release suggests instead
   * ({@code consider}).
   *
   * @param id an id in any form {@link #term(String)} accepts
   * @return the live terms, the replacement first; empty when the release has no such id or an
   *     obsolete term names no live replacement
   */
  public List<HpoTerm> current(String id) {
    Optional<HpoTerm> found = term(id);
    if (found.isEmpty()) {
      return List.of();
    }
    HpoTerm term = found.get();
    if (!term.obsolete()) {
      return List.of(term);
    }
    List<HpoTerm> live = new ArrayList<>();
    for (String other : term.replacedBy().isEmpty() ? term.consider() : term.replacedBy()) {
      HpoTerm replacement = lookup.get(other);
      if (replacement != null && !replacement.obsolete() && !live.contains(replacement)) {
        live.add(replacement);
      }
    }
    return List.copyOf(live);
  }

  /**
   * The {@code HP:0001250} form of an HPO id written as a CURIE ({@code HP:0001250}, {@code
   * hp:0001250}), with an underscore ({@code HP_0001250}) or as the OBO URI ({@code
   * http://purl.obolibrary.org/obo/HP_0001250}).
   *
   * @param written the id as written, or null
   * @return the id, or empty when the text is not an HPO id
   */
  public static Optional<String> canonicalId(String written) {
    return Optional.ofNullable(HpoIds.normalize(written));
  }

  /**
   * The live (non-obsolete) terms.
   *
   * @return the terms ordered by id; unmodifiable
   */
  public Collection<HpoTerm> terms() {
    return live;
  }

  /**
   * The {@code is_a} ancestors of a term, nearest first, that are specific enough to help a
   * search. Left out are the term itself, the root {@code HP:0000001} (All), {@code HP:0000118}
   * (Phenotypic abnormality) and the organ-system terms directly below it such as {@code
   * HP:0000707} (Abnormality of the nervous system). Terms at the same distance are ordered by id;
   * a term reached by several paths is listed once, at its shortest distance. Obsolete ancestors
   * are skipped.
   *
   * @param id the term's id (alternative ids are resolved as by {@link #term(String)})
   * @param maxDistance how many {@code is_a} steps to go up at most; 0 gives an empty list
   * @return the ancestors, or an empty list when the id is unknown
   * @throws IllegalArgumentException when {@code maxDistance} is negative
   */
  public List<HpoTerm> ancestors(String id, int maxDistance) {
    if (maxDistance < 0) {
      throw new IllegalArgumentException("maxDistance must not be negative: " + maxDistance);
    }
    Optional<HpoTerm> start = term(id);
    if (start.isEmpty()) {
      return List.of();
    }
    List<HpoTerm> result = new ArrayList<>();
    for (HpoTerm term : ancestorsByDistance(start.get(), maxDistance)) {
      if (!tooGeneral.contains(term.id())) {
        result.add(term);
      }
    }
    return List.copyOf(result);
  }

  /**
   * The live {@code is_a} ancestors of a term up to {@code maxDistance} steps, each once at its
   * shortest distance, nearest first and by id among terms at the same distance.
   */
  private List<HpoTerm> ancestorsByDistance(HpoTerm start, int maxDistance) {
    List<HpoTerm> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    seen.add(start.id());
    List<HpoTerm> frontier = List.of(start);
    for (int distance = 1; distance <= maxDistance && !frontier.isEmpty(); distance++) {
      List<HpoTerm> next = new ArrayList<>();
      for (HpoTerm term : frontier) {
        for (String parentId : term.parents()) {
          HpoTerm parent = lookup.get(parentId);
          if (parent != null && !parent.obsolete() && seen.add(parent.id())) {
            next.add(parent);
          }
        }
      }
      next.sort(Comparator.comparing(HpoTerm::id));
      result.addAll(next);
      frontier = next;
    }
    return result;
  }

  /**
   * What was skipped while reading the file: OBO lines over the line limit, each as {@code
   * file:line: reason}. Empty when nothing was.
   *
   * @return the warnings, in file order
   */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * A term's id and the ids of all its live {@code is_a} ancestors up to the root, each once, the
   * term first and then nearest first (by id among terms at the same distance). Unlike {@link
   * #ancestors} it leaves nothing out: it is the set of terms a disease that has this phenotype
   * has, by the ontology's true-path rule.
   *
   * @param id the term's id (alternative ids are resolved as by {@link #term(String)})
   * @return the ids, or an empty list when the id is unknown or obsolete
   */
  public List<String> lineage(String id) {
    Optional<HpoTerm> start = term(id);
    if (start.isEmpty() || start.get().obsolete()) {
      return List.of();
    }
    return lineages.computeIfAbsent(start.get().id(), this::computeLineage);
  }

  /**
   * The ids of a term's live {@code is_a} descendants, all the way down, without the term itself:
   * the terms whose {@link #lineage} holds it. Computed once per term, in one walk down.
   *
   * @param id the term's id (alternative ids are resolved as by {@link #term(String)})
   * @return the ids, unmodifiable; empty when the id is unknown or obsolete
   */
  public Set<String> descendants(String id) {
    Optional<HpoTerm> start = term(id);
    if (start.isEmpty() || start.get().obsolete()) {
      return Set.of();
    }
    return descendants.computeIfAbsent(start.get().id(), this::computeDescendants);
  }

  private Set<String> computeDescendants(String id) {
    Set<String> below = new HashSet<>();
    ArrayDeque<String> todo = new ArrayDeque<>(children.getOrDefault(id, List.of()));
    while (!todo.isEmpty()) {
      String next = todo.pop();
      if (below.add(next)) {
        todo.addAll(children.getOrDefault(next, List.of()));
      }
    }
    return Collections.unmodifiableSet(below);
  }

  private List<String> computeLineage(String id) {
    List<String> result = new ArrayList<>();
    result.add(id);
    ancestorsByDistance(lookup.get(id), Integer.MAX_VALUE).forEach(term -> result.add(term.id()));
    return List.copyOf(result);
  }

  /**
   * Every term of the release, obsolete ones included: with {@link #release()} what {@link
   * #of(String, Collection)} needs to make this ontology again.
   *
   * @return the terms ordered by id; unmodifiable
   */
  public List<HpoTerm> allTerms() {
    return all;
  }

  /**
   * The number of live (non-obsolete) terms.
   *
   * @return the number of terms
   */
  public int size() {
    return live.size();
  }

  /**
   * The release as the file names it: the graph's {@code version} in JSON (such as {@code
   * http://purl.obolibrary.org/obo/hp/releases/2023-01-27/hp.json}), the {@code data-version}
   * header in OBO (such as {@code hp/releases/2023-01-27}).
   *
   * @return the release, or "" when the file names none
   */
  public String release() {
    return release;
  }

  @Override
  public String toString() {
    return "HpoOntology[" + (release.isEmpty() ? "unnamed release" : release) + ", " + live.size() + " terms]";
  }
}
