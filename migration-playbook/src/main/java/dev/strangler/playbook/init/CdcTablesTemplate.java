package dev.strangler.playbook.init;

/** {@code cdc-bridge-tables.yml}: the legacy tables the CDC bridge captures, each with its change topic. */
final class CdcTablesTemplate {

    private CdcTablesTemplate() {
    }

    static String render(StarterPlan plan) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by 'kit init': the legacy tables the CDC bridge captures for the ")
                .append(plan.service()).append(" service, and a topic each.\n")
                .append("# A list replaces the bridge's whole list: keep the tables other services still need.\n")
                .append("kit:\n  cdc:\n    tables:\n");
        for (LegacyTable table : plan.tables()) {
            yaml.append("      - table: ${LEGACY_DB_NAME:").append(plan.schema()).append("}.").append(table.name())
                    .append('\n')
                    .append("        topic: ").append(plan.topic(table)).append('\n');
        }
        return yaml.toString();
    }
}
