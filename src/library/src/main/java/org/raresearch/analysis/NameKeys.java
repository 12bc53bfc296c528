package org.raresearch.analysis;

import java.util.List;
import org.apache.lucene.analysis.Analyzer;

/**
 * The normal forms of a disease name used for exact name lookup, as {@link Analyzers} makes them.
 * {@code "Sjögren's Syndrome, Type II"} and {@code "sjogren syndrome 2"} have the same key.
 *
 * <p>Thread-safe.
 */
public final class NameKeys {
  private static final Analyzer KEY = Analyzers.nameKey();
  private static final Analyzer BAG = Analyzers.nameBag();
  private static final Analyzer VARIANTS = Analyzers.nameVariants();

  private NameKeys() {}

  /**
   * The key of a name: its {@link Analyzers#nameKey() key tokens} joined by single spaces.
   *
   * @param name a name as written
   * @return the key, or the empty string when the name has no words
   */
  public static String of(String name) {
    return String.join(" ", Analyzers.tokens(KEY, "name", name));
  }

  /**
   * The forms a name is known by: the name itself and, when it has a parenthetical, the name
   * without it and the parenthetical alone ({@code "SMA type 1 (Werdnig-Hoffmann disease)"} is also
   * {@code "SMA type 1"} and {@code "Werdnig-Hoffmann disease"}); see {@link
   * ParentheticalVariantsFilter}.
   *
   * @param name a name as written
   * @return the name first, then its other forms
   */
  public static List<String> variants(String name) {
    return Analyzers.tokens(VARIANTS, "name", name);
  }

  /**
   * The words of a name in alphabetical order, without repeats: the same for "Lipodystrophy,
   * familial partial, type 2" and "Familial partial lipodystrophy type 2".
   *
   * @param name a name as written
   * @return the bag, or the empty string when the name has no words
   */
  public static String bagOf(String name) {
    List<String> bag = Analyzers.tokens(BAG, "name", name);
    return bag.isEmpty() ? "" : bag.getFirst();
  }
}
