package dev.strangler.playbook.compare;

import dev.strangler.infra.InfraSettings;
import dev.strangler.playbook.KitException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reconciles every table pair of a context; the playbook's reconciliation gate and 'kit compare data' use it. */
public final class DataReconciliation {

    private final Accounts accounts;
    private final int listLimit;

    public DataReconciliation(InfraSettings infra, Map<String, String> environment, int listLimit) {
        this.accounts = new Accounts(infra, environment);
        this.listLimit = listLimit;
    }

    public List<TableReconciliation> reconcile(ContextDefinition context, ReconciliationProgress progress) {
        List<TableReconciliation> results = new ArrayList<>();
        for (ContextDefinition.TablePair pair : context.tables()) {
            try (Connection legacy = accounts.connect(pair.legacy().account());
                 Connection extracted = accounts.connect(pair.extracted().account())) {
                results.add(new TableReconciler(listLimit).reconcile(pair, legacy, extracted, progress));
            } catch (SQLException e) {
                throw KitException.configuration("cannot compare " + pair.legacy().table() + " with "
                        + pair.extracted().table() + ": " + e.getMessage());
            }
        }
        return results;
    }

    /** The legacy side's {@code database.table}, as the CDC bridge names it. */
    public String legacyTable(ContextDefinition.TablePair pair) {
        return accounts.database(pair.legacy().account()) + "." + pair.legacy().table();
    }
}
