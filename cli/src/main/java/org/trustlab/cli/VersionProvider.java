package org.trustlab.cli;

import picocli.CommandLine;

/** The version comes from the jar manifest, so it is the one Maven built. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TrustlabCommand.class.getPackage().getImplementationVersion();
        return new String[] {"trustlab " + (v == null ? "dev" : v)};
    }
}
