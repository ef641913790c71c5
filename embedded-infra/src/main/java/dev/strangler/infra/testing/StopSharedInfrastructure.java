package dev.strangler.infra.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared MariaDB and Kafka when the JUnit launcher session of the test JVM closes. */
public final class StopSharedInfrastructure implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedInfrastructure.stop();
    }
}
