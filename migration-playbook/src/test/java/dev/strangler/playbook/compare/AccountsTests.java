package dev.strangler.playbook.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strangler.infra.DatabaseAccount;
import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountsTests {

    private final Map<String, String> environment = Map.of("MEMBER_DB_USER", "members_ro",
            "BILLING_DB_NAME", "billing_db", "BILLING_DB_USER", "billing_svc", "BILLING_DB_PASSWORD", "secret");
    private final Accounts accounts = new Accounts(InfraSettings.fromEnvironment(environment), environment);

    @Test
    void theKitsOwnAccountsComeFromTheStacksSettings() {
        assertThat(accounts.account("legacy")).isEqualTo(new DatabaseAccount("legacy_db", "legacy_app", "legacy_pw"));
        assertThat(accounts.account("member").user()).isEqualTo("members_ro");
    }

    @Test
    void anyOtherAccountIsReadFromItsEnvironmentVariables() {
        assertThat(accounts.account("billing")).isEqualTo(new DatabaseAccount("billing_db", "billing_svc", "secret"));
        assertThat(accounts.database("billing")).isEqualTo("billing_db");
    }

    @Test
    void anAccountWithoutItsVariablesNamesTheOnesToSet() {
        assertThatThrownBy(() -> accounts.account("loyalty-points"))
                .isInstanceOf(KitException.class)
                .hasMessage("account 'loyalty-points' is not one of the kit's (legacy, member, order): set "
                        + "LOYALTY_POINTS_DB_NAME, LOYALTY_POINTS_DB_USER, LOYALTY_POINTS_DB_PASSWORD");
    }
}
