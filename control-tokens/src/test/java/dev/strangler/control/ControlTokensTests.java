package dev.strangler.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ControlTokensTests {

    private static final String KIT_TOKEN = "kit-token-0123456789";
    private static final String VIEWER_TOKEN = "viewer-token-0123456789";

    private final ControlTokens tokens = ControlTokens.of(KIT_TOKEN,
            List.of(new ControlToken("grafana", VIEWER_TOKEN, Role.VIEWER)));

    @Test
    void theKitTokenIsAnOperatorNamedKit() {
        assertThat(tokens.check("Bearer " + KIT_TOKEN, "POST"))
                .isEqualTo(new Access(Access.Outcome.GRANTED, "kit", Role.OPERATOR));
        assertThat(tokens.check("bearer " + KIT_TOKEN, "GET").granted()).isTrue();
    }

    @Test
    void aViewerReadsButDoesNotWrite() {
        assertThat(tokens.check("Bearer " + VIEWER_TOKEN, "GET"))
                .isEqualTo(new Access(Access.Outcome.GRANTED, "grafana", Role.VIEWER));
        assertThat(tokens.check("Bearer " + VIEWER_TOKEN, "PUT"))
                .isEqualTo(new Access(Access.Outcome.FORBIDDEN, "grafana", Role.VIEWER));
        assertThat(tokens.check("Bearer " + VIEWER_TOKEN, "POST").outcome()).isEqualTo(Access.Outcome.FORBIDDEN);
    }

    @Test
    void missingMalformedOrUnknownTokensAreUnauthenticated() {
        assertThat(tokens.check(null, "GET").outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(tokens.check("Basic " + KIT_TOKEN, "GET").outcome()).isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(tokens.check("Bearer " + KIT_TOKEN + "x", "GET").outcome())
                .isEqualTo(Access.Outcome.UNAUTHENTICATED);
        assertThat(ControlTokens.of("", List.of()).check("Bearer ", "GET").outcome())
                .isEqualTo(Access.Outcome.UNAUTHENTICATED);
    }

    @Test
    void onlyALoopbackAddressIsLoopback() {
        assertThat(ControlTokens.isLoopback("127.0.0.1")).isTrue();
        assertThat(ControlTokens.isLoopback("::1")).isTrue();
        assertThat(ControlTokens.isLoopback("0.0.0.0")).isFalse();
        assertThat(ControlTokens.isLoopback("")).isFalse();
        assertThat(ControlTokens.isLoopback(null)).isFalse();
    }

    @Test
    void namesAndValuesMustBeUnique() {
        assertThatIllegalArgumentException().isThrownBy(() -> ControlTokens.of(KIT_TOKEN,
                List.of(new ControlToken("kit", VIEWER_TOKEN, Role.VIEWER)))).withMessageContaining("'kit'");
        assertThatIllegalArgumentException().isThrownBy(() -> ControlTokens.of(KIT_TOKEN,
                List.of(new ControlToken("alice", KIT_TOKEN, Role.VIEWER)))).withMessageContaining("'alice'");
    }
}
