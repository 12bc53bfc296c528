package org.raresearch.cli;

import picocli.CommandLine;

/** The version printed by {@code --version}: the jar's implementation version, when known. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = RareSearchCli.class.getPackage().getImplementationVersion();
    return new String[] {"raresearch " + (version == null ? "(development build)" : version)};
  }
}
