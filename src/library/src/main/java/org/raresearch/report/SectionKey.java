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

  /**
   * Names a known kind by its canonical heading.
   *
   * @throws IllegalArgumentException when an {@code OTHER} section has a blank heading
   */
  public SectionKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    if (kind != SectionKind.OTHER) {
      name = kind.heading();
    } else if (name.isBlank()) {
      throw new IllegalArgumentException("a section of kind OTHER needs a heading");
    }
  }

  /**
   * The key of a known kind of section.
   *
   * @param kind the kind
   * @return the key, named by the kind's heading
   */
  public static SectionKey of(SectionKind kind) {
    return new SectionKey(kind, kind.heading());
  }

  /**
   * The key for a heading as written.
   *
   * @param heading a heading as written in a report
   * @return a known kind when the heading names one, else {@code OTHER} under the heading
   */
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
