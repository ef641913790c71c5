package dev.strangler.playbook.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTests {

    @TempDir
    Path home;

    @Test
    void theGeneratedTokenFileIsTheOwnersAloneAndKeptAcrossCommands() throws Exception {
        StackLayout layout = StackLayout.of(home.toString(), Map.of());

        String token = AdminToken.resolve(Map.of(), layout);

        Path file = layout.runDirectory().resolve("proxy-admin.token");
        assertThat(token).hasSize(48).isEqualTo(Files.readString(file));
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(AdminToken.resolve(Map.of(), layout)).isEqualTo(token);
    }

    @Test
    void aConfiguredTokenWinsAndNoFileIsWritten() {
        StackLayout layout = StackLayout.of(home.toString(), Map.of());

        assertThat(AdminToken.resolve(Map.of(AdminToken.VARIABLE, "configured-token-0123456789"), layout))
                .isEqualTo("configured-token-0123456789");
        assertThat(layout.runDirectory().resolve("proxy-admin.token")).doesNotExist();
    }
}
