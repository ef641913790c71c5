package dev.strangler.playbook.console.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The CSRF token of every form: an HMAC of the signed-in token under a key made when the console starts. A page
 * of another site cannot read it (the token cookie is HttpOnly, the console's pages are same-origin), so a forged
 * request cannot carry it; the console keeps no session for it. A restart makes open forms stale, which only asks
 * for a reload.
 */
@Component
public class CsrfTokens {

    public static final String FIELD = "_csrf";

    private final SecretKeySpec key;

    CsrfTokens() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String of(String sessionValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionValue.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean matches(String sessionValue, String presented) {
        return presented != null && MessageDigest.isEqual(of(sessionValue).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
