package dev.strangler.playbook.init;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code V1__<service>_schema.sql}: the service's Flyway migration, each legacy table one to one. */
final class SchemaTemplate {

    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");
    private static final Pattern PRECISION = Pattern.compile("\\((\\d)\\)");

    private SchemaTemplate() {
    }

    static String render(StarterPlan plan) {
        StringBuilder sql = new StringBuilder("-- Written by 'kit init': the ").append(plan.service())
                .append(" service's copy of ").append(plan.schema()).append(", table for table, with the same types"
                        + " and keys.\n-- Other indexes are not copied: add those the service's queries need.\n");
        for (LegacyTable table : plan.tables()) {
            sql.append("\nCREATE TABLE `").append(ExtractedNames.of(table.name())).append("` (\n");
            List<String> lines = new ArrayList<>();
            table.columns().forEach(column -> lines.add("    " + column(column)));
            lines.add("    PRIMARY KEY (" + String.join(", ", table.key().stream()
                    .map(key -> "`" + ExtractedNames.of(key) + "`").toList()) + ")");
            sql.append(String.join(",\n", lines)).append("\n) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;\n");
        }
        return sql.toString();
    }

    private static String column(LegacyColumn column) {
        StringBuilder line = new StringBuilder("`").append(ExtractedNames.of(column.name())).append("` ");
        line.append(column.json() ? "JSON" : column.columnType());
        if (column.charset() != null && !column.json()) {
            line.append(" CHARACTER SET ").append(column.charset()).append(" COLLATE ").append(column.collation());
        }
        if (column.generated()) {
            // The legacy expression, its column names as the service's table spells them.
            Matcher names = QUOTED.matcher(column.generation());
            String expression = names.replaceAll(name -> Matcher.quoteReplacement("`" + ExtractedNames.of(name.group(1))
                    + "`"));
            return line.append(" GENERATED ALWAYS AS (").append(expression).append(")")
                    .append(column.stored() ? " STORED" : " VIRTUAL").toString();
        }
        line.append(column.nullable() ? " NULL" : " NOT NULL");
        if (column.dataType().equals("timestamp") && !column.nullable()) {
            // Explicit, so that the server adds no ON UPDATE CURRENT_TIMESTAMP of its own: the copy keeps legacy's time.
            Matcher precision = PRECISION.matcher(column.columnType());
            line.append(" DEFAULT CURRENT_TIMESTAMP").append(precision.find() ? "(" + precision.group(1) + ")" : "");
        }
        return line.toString();
    }
}
