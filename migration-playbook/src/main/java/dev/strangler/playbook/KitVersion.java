package dev.strangler.playbook;

import picocli.CommandLine.IVersionProvider;

final class KitVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = KitVersion.class.getPackage().getImplementationVersion();
        return new String[] {"kit " + (version == null ? "development build" : version)};
    }
}
