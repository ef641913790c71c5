package dev.strangler.playbook.console.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's flip form is checked before anything reaches the proxy; its consequences name what writes do. */
class FlipFormTests {

    private static final RouteRow MEMBERS_WRITE = new RouteRow("members-write", List.of("/api/members"),
            List.of("POST", "PUT", "DELETE"), true, "SHADOW", 0, 3, "CLOSED", 0, 0, 0, "–", "–", "–", 0, null, false);

    @Test
    void aFlipNeedsAKnownModeAReasonAndAPercentFromZeroToAHundred() {
        assertThat(new FlipForm("CANARY", "10", "ticket 42", null).problem()).isNull();
        assertThat(new FlipForm("canary", "", "ticket 42", null).problem()).isNull();
        assertThat(new FlipForm("SIDEWAYS", "", "r", null).problem()).startsWith("Choose a mode");
        assertThat(new FlipForm("SHADOW", "", "  ", null).problem()).contains("needs a reason");
        assertThat(new FlipForm("SHADOW", "", null, null).problem()).contains("needs a reason");
        assertThat(new FlipForm("CANARY", "150", "r", null).problem()).contains("between 0 and 100, not 150");
        assertThat(new FlipForm("CANARY", "-1", "r", null).problem()).contains("not -1");
        assertThat(new FlipForm("CANARY", "NaN", "r", null).problem()).contains("not NaN");
        assertThat(new FlipForm("CANARY", "ten", "r", null).problem()).contains("a number between 0 and 100");
        assertThat(new FlipForm("SHADOW", "", "x".repeat(501), null).problem()).contains("under 500");
    }

    @Test
    void theBodyCarriesTheModeInCapitalsAndThePercentOnlyWhenGiven() {
        assertThat(new FlipForm("canary", " 12.5 ", " why ", null).body("console"))
                .containsEntry("mode", "CANARY").containsEntry("percent", 12.5).containsEntry("reason", "why")
                .containsEntry("by", "console");
        assertThat(new FlipForm("SHADOW", "", "why", null).body("console")).doesNotContainKey("percent");
    }

    @Test
    void onlyAnExplicitConfirmationCounts() {
        assertThat(new FlipForm("EXTRACTED", "", "r", "true").confirmedByPerson()).isTrue();
        assertThat(new FlipForm("EXTRACTED", "", "r", null).confirmedByPerson()).isFalse();
        assertThat(new FlipForm("EXTRACTED", "", "r", "yes").confirmedByPerson()).isFalse();
    }

    @Test
    void theConsequencesOfAWriteFlipSayWhereWritesGo() {
        assertThat(String.join(" ", new FlipForm("EXTRACTED", "", "r", null).consequences(MEMBERS_WRITE)))
                .contains("serves writes (POST, PUT, DELETE)", "from SHADOW to EXTRACTED", "reverse path",
                        "write cut-over step");
        assertThat(String.join(" ", new FlipForm("LEGACY", "", "r", null).consequences(MEMBERS_WRITE)))
                .contains("Writes go back to the monolith", "run a reconciliation first");
        assertThat(MEMBERS_WRITE.servesWrites()).isTrue();
    }
}
