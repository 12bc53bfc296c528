package org.raresearch.vocabulary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A term while a reader collects its parts; becomes an {@link HpoTerm} when the file is read. */
final class TermDraft {
  final long line;
  String id;
  String label = "";
  boolean obsolete;
  final List<HpoTerm.Synonym> synonyms = new ArrayList<>();
  final Set<String> parents = new LinkedHashSet<>();
  final Set<String> altIds = new LinkedHashSet<>();
  final Set<String> replacedBy = new LinkedHashSet<>();
  final Set<String> consider = new LinkedHashSet<>();

  /** @param line the line the term starts on, or 0 when the format has no lines to speak of */
  TermDraft(long line) {
    this.line = line;
  }

  void addParent(String parent) {
    if (!parent.equals(id)) {
      parents.add(parent);
    }
  }

  HpoTerm toTerm() {
    return new HpoTerm(
        id, label, synonyms, List.copyOf(parents), List.copyOf(altIds), obsolete,
        replacedBy.stream().limit(1).toList(), List.copyOf(consider));
  }
}
