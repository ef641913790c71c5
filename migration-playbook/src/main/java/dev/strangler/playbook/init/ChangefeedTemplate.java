package dev.strangler.playbook.init;

/**
 * {@code service-changefeed.yml}: the service starter's declared tables, each legacy table copied column for column
 * into the service's table of the same name in snake_case.
 */
final class ChangefeedTemplate {

    private ChangefeedTemplate() {
    }

    static String render(StarterPlan plan) {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by 'kit init': the legacy tables the ").append(plan.service())
                .append(" service copies, for its application.yml (service-support's starter).\n")
                .append("# Each column is read as Debezium sends its type; add 'values: { A: ACTIVE }' to translate"
                        + " codes.\nkit:\n  service:\n    changefeed:\n      tables:\n");
        for (LegacyTable table : plan.tables()) {
            yaml.append("        - name: ").append(table.name()).append('\n')
                    .append("          topic: ").append(plan.topic(table)).append('\n')
                    .append("          target: ").append(ExtractedNames.of(table.name())).append('\n')
                    .append("          key:\n");
            table.keyColumns().forEach(column -> column(yaml, column));
            if (table.version() != null) {
                yaml.append("          version: ").append(table.version()).append('\n');
            } else {
                yaml.append("          # No version column found (no TIMESTAMP or DATETIME column set on update or"
                        + " named like a last change):\n          # changes are ordered by their binlog position"
                        + " alone. Name one here if the table has it.\n");
            }
            yaml.append("          columns:");
            boolean none = table.nonKeyColumns().stream().allMatch(LegacyColumn::generated);
            yaml.append(none ? " []\n" : "\n");
            for (LegacyColumn column : table.nonKeyColumns()) {
                if (column.generated()) {
                    yaml.append("            # ").append(column.name()).append(" is generated: the service's"
                            + " database computes it, replication does not write it\n");
                } else {
                    column(yaml, column);
                }
            }
        }
        return yaml.toString();
    }

    private static void column(StringBuilder yaml, LegacyColumn column) {
        yaml.append("            - { legacy: ").append(column.name()).append(", column: ")
                .append(ExtractedNames.of(column.name())).append(", type: ").append(ColumnTypes.changeType(column))
                .append(" }\n");
    }
}
