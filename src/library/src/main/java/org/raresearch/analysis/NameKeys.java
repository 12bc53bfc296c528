package org.raresearch.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;

/**
 * The normal form of a disease name used for exact name lookup: the {@link Analyzers#name() name
 * tokens} joined by single spaces. {@code "Sjögren's Syndrome, Type II"} and {@code "sjogren
 * syndrome type 2"} have the same key.
 *
 * <p>Thread-safe.
 */
public final class NameKeys {
  private static final Analyzer NAME = Analyzers.name();

  private NameKeys() {}

  /** The key of a name, or the empty string when the name has no tokens. */
  public static String of(String name) {
    return String.join(" ", keyTokens(name));
  }

  /**
   * The forms a name is known by: the name itself and, when it has a parenthetical, the name without
   * it and the parenthetical alone ({@code "SMA type 1 (Werdnig-Hoffmann disease)"} is also {@code
   * "SMA type 1"} and {@code "Werdnig-Hoffmann disease"}).
   */
  public static List<String> variants(String name) {
    Set<String> variants = new LinkedHashSet<>();
    variants.add(name.strip());
    Matcher m = PARENTHETICAL.matcher(name);
    StringBuilder outside = new StringBuilder();
    int last = 0;
    while (m.find()) {
      outside.append(name, last, m.start()).append(' ');
      String inside = m.group(1).strip();
      if (inside.length() >= 2) {
        variants.add(inside);
      }
      last = m.end();
    }
    if (last > 0) {
      outside.append(name.substring(last));
      String rest = outside.toString().replaceAll("\\s+", " ").strip();
      if (!rest.isEmpty()) {
        variants.add(rest);
      }
    }
    return List.copyOf(variants);
  }

  private static final Pattern PARENTHETICAL = Pattern.compile("[(\\[]([^()\\[\\]]*)[)\\]]");

  /**
   * The words of a name in alphabetical order, without repeats: the same for "Lipodystrophy,
   * familial partial, type 2" and "Familial partial lipodystrophy type 2".
   */
  public static String bagOf(String name) {
    return String.join(" ", new TreeSet<>(keyTokens(name)));
  }

  /**
   * The tokens that identify a name: its name tokens without the filler word "type", since
   * "Myotonic dystrophy type 1", "Myotonic dystrophy 1" and "Myotonic dystrophy, type I" are one
   * name written three ways.
   */
  private static List<String> keyTokens(String name) {
    List<String> tokens = tokens(name);
    if (!tokens.contains("type") || tokens.size() == 1) {
      return tokens;
    }
    return tokens.stream().filter(t -> !t.equals("type")).toList();
  }

  /** The name tokens of a name. */
  public static List<String> tokens(String name) {
    return Analyzers.tokens(NAME, "name", name);
  }
}
