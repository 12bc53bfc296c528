package org.raresearch.report;

import java.util.Objects;

/**
 * Names one section of a report: a known {@link SectionKind}, or for {@link SectionKind#OTHER} the
 * heading the report gave it.
 *
 * @param kind the kind of section, never null
 * @param name the canonical heading of a known kind, or the heading as written for {@code OTHER}
 */
public record SectionKey(SectionKind kind, String name) {

  public SectionKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (kind != SectionKind.OTHER) {
      name = kind.heading();
    } else if (name.isBlank()) {
      throw new IllegalArgumentException("a section of kind OTHER needs a heading");
    }
  }

  /** The key of a known kind of section. */
  public static SectionKey of(SectionKind kind) {
    return new SectionKey(kind, kind.heading());
  }

  /** The key for a heading as written: a known kind when the heading names one, else {@code OTHER}. */
  public static SectionKey forHeading(String heading) {
    return SectionKind.fromHeading(heading)
        .map(SectionKey::of)
        .orElseGet(() -> new SectionKey(SectionKind.OTHER, heading.strip()));
  }

  @Override
  public String toString() {
    return name;
  }
}
