package org.raresearch.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A supporting organization listed in a report.
 *
 * @param name the organization's name, never blank
 * @param addressLines postal address lines in file order (may be empty)
 * @param phones telephone numbers as written (may be empty)
 * @param faxes fax numbers as written (may be empty)
 * @param email the e-mail address, if given
 * @param website the web address, if given
 */
public record Organization(
    String name,
    List<String> addressLines,
    List<String> phones,
    List<String> faxes,
    Optional<String> email,
    Optional<String> website) {

  /**
   * Checks the name and copies the lists.
   *
   * @throws IllegalArgumentException when the name is blank
   */
  public Organization {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("an organization needs a name");
    }
    addressLines = List.copyOf(addressLines);
    phones = List.copyOf(phones);
    faxes = List.copyOf(faxes);
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(website, "website");
  }

  /**
   * An organization known only by its name.
   *
   * @param name the organization's name
   * @return the organization, without address or contacts
   */
  public static Organization named(String name) {
    return new Organization(name, List.of(), List.of(), List.of(), Optional.empty(), Optional.empty());
  }
}
