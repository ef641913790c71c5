package dev.strangler.playbook.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The proxy's admin bearer token: {@code PROXY_ADMIN_TOKEN} when set, otherwise a random one that {@code kit up}
 * creates once in {@code .kit/run/proxy-admin.token} (readable by its owner only), so the admin API never runs
 * open and the kit's own commands can still reach it.
 */
public final class AdminToken {

    public static final String VARIABLE = "PROXY_ADMIN_TOKEN";

    private AdminToken() {
    }

    public static String resolve(Map<String, String> environment, StackLayout layout) {
        String configured = environment.get(VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path file = layout.runDirectory().resolve("proxy-admin.token");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Files.writeString(file, token, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the directory's permissions.
            }
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the proxy admin token in " + file, e);
        }
    }
}
