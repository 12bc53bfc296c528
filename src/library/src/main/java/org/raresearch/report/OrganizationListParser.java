package org.raresearch.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "Supporting Organizations" list: each organization is a name line, usually a blank line,
 * then address and contact lines ({@code Tel:}, {@code Fax:}, {@code Email:}, {@code Internet:});
 * organizations are separated by blank lines, and some have no details at all.
 */
final class OrganizationListParser {
  private static final Pattern CONTACT =
      Pattern.compile(
          "(?i)^(tel|telephone|phone|toll[- ]?free|tty|fax|e-?mail|internet|web ?site|web|url)\\s*:\\s*(.*)$");
  private static final Pattern BARE_WEB = Pattern.compile("(?i)^(https?://\\S+|www\\.\\S+)$");
  private static final Pattern BARE_EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  private OrganizationListParser() {}

  /**
   * @param lines the section's lines in order, blank lines as empty strings
   * @return the organizations in file order
   */
  static List<Organization> parse(List<String> lines) {
    List<List<String>> blocks = new ArrayList<>();
    List<String> block = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new ArrayList<>();
        }
      } else {
        block.add(line.strip());
      }
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }

    List<Organization> organizations = new ArrayList<>();
    Builder current = null;
    for (List<String> b : blocks) {
      boolean details = b.size() > 1 || isContact(b.get(0)) || looksLikeAddress(b.get(0));
      if (current != null && details && (!current.hasDetails() || isContact(b.get(0)))) {
        // The details of the organization just named (or more contact lines for it).
        b.forEach(current::add);
      } else {
        if (current != null) {
          organizations.add(current.build());
        }
        current = new Builder(b.get(0));
        b.subList(1, b.size()).forEach(current::add);
      }
    }
    if (current != null) {
      organizations.add(current.build());
    }
    return organizations;
  }

  private static boolean isContact(String line) {
    return CONTACT.matcher(line).matches()
        || BARE_WEB.matcher(line).matches()
        || BARE_EMAIL.matcher(line).matches();
  }

  /** A single detail line without a label: a PO box or a street line starts with a number. */
  private static boolean looksLikeAddress(String line) {
    return line.matches("(?i)^(\\d+\\S*\\s.*|p\\.?\\s?o\\.? box.*)$");
  }

  private static final class Builder {
    private final String name;
    private final List<String> address = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final List<String> faxes = new ArrayList<>();
    private String email;
    private String website;

    Builder(String name) {
      this.name = name;
    }

    boolean hasDetails() {
      return !address.isEmpty() || !phones.isEmpty() || !faxes.isEmpty() || email != null || website != null;
    }

    void add(String line) {
      Matcher contact = CONTACT.matcher(line);
      if (contact.matches()) {
        String label = contact.group(1).toLowerCase(Locale.ROOT).replaceAll("[- ]", "");
        String value = contact.group(2).strip();
        if (value.isEmpty()) {
          return;
        }
        switch (label) {
          case "fax" -> faxes.addAll(splitNumbers(value));
          case "email" -> email = email == null ? value : email;
          case "internet", "website", "web", "url" -> website = website == null ? value : website;
          default -> phones.addAll(splitNumbers(value));
        }
      } else if (BARE_WEB.matcher(line).matches()) {
        website = website == null ? line : website;
      } else if (BARE_EMAIL.matcher(line).matches()) {
        email = email == null ? line : email;
      } else {
        address.add(line);
      }
    }

    Organization build() {
      return new Organization(
          name, address, phones, faxes, Optional.ofNullable(email), Optional.ofNullable(website));
    }

    /** "Tel: (800)555-0100 or (800)555-0101" lists two numbers. */
    private static List<String> splitNumbers(String value) {
      List<String> numbers = new ArrayList<>();
      for (String part : value.split("\\s*(?:;|,|\\bor\\b|\\s/\\s)\\s*")) {
        if (!part.isBlank()) {
          numbers.add(part.strip());
        }
      }
      return numbers;
    }
  }
}
