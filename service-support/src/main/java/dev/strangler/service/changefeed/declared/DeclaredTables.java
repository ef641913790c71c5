package dev.strangler.service.changefeed.declared;

import dev.strangler.service.changefeed.ReplicatedTable;
import java.util.List;

/** The tables declared under {@code kit.service.changefeed.tables}: their listeners, and the bulk backfill, use them. */
public final class DeclaredTables {

    private final List<DeclaredTable> tables;

    DeclaredTables(List<DeclaredTable> tables) {
        this.tables = List.copyOf(tables);
    }

    public List<ReplicatedTable<?>> tables() {
        return List.copyOf(tables);
    }

    List<DeclaredTable> declared() {
        return tables;
    }
}
