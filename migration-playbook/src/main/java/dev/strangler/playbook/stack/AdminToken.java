package dev.strangler.playbook.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * The kit's operator token for the stack's control APIs (the proxy's admin API, the bridge's operations API, the
 * services' ownership API), named {@code kit} in their audit: {@code PROXY_ADMIN_TOKEN} when set, otherwise a random
 * one that {@code kit up} creates once in {@code .kit/run/proxy-admin.token}, so no control API runs open and the
 * kit's own commands can still reach them. The file is created readable by its owner only: the permissions are
 * given at creation, so there is no moment in which another user could open it.
 */
public final class AdminToken {

    public static final String VARIABLE = "PROXY_ADMIN_TOKEN";

    private AdminToken() {
    }

    /** Where a person finds the token: the variable when it is set, else the file the kit created. */
    public static String whereToFind(Map<String, String> environment, StackLayout layout) {
        String configured = environment.get(VARIABLE);
        return configured != null && !configured.isBlank() ? "$" + VARIABLE
                : layout.runDirectory().resolve("proxy-admin.token").toString();
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
            try {
                create(file);
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim(); // another kit command made it first
            }
            Files.writeString(file, token, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the proxy admin token in " + file, e);
        }
    }

    /** Creates the empty file, owner read and write only where the file system has POSIX permissions. */
    private static void create(Path file) throws IOException {
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        FileAttribute<?>[] attributes = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(ownerOnly)}
                : new FileAttribute<?>[0]; // Windows: the file gets the directory's access list
        Files.createFile(file, attributes);
    }
}
