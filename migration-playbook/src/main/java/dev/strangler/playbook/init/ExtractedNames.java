package dev.strangler.playbook.init;

import dev.strangler.playbook.KitException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The extracted side's names: the legacy name in snake_case ({@code TB_STOCK} → {@code tb_stock},
 * {@code lastUpdate} → {@code last_update}), which the service starter takes as SQL identifiers.
 */
final class ExtractedNames {

    private ExtractedNames() {
    }

    static String of(String legacy) {
        String snake = legacy.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_")
                .toLowerCase(Locale.ROOT);
        return Character.isDigit(snake.charAt(0)) ? "_" + snake : snake;
    }

    /** Refuses tables or columns that two legacy names would share once in snake_case (UPD_DT and updDt). */
    static void requireDistinct(List<LegacyTable> tables) {
        requireDistinct("tables", tables.stream().map(LegacyTable::name).toList());
        for (LegacyTable table : tables) {
            requireDistinct("columns of " + table.name(), table.columns().stream().map(LegacyColumn::name).toList());
        }
    }

    private static void requireDistinct(String what, List<String> legacyNames) {
        Map<String, String> seen = new HashMap<>();
        for (String name : legacyNames) {
            String previous = seen.putIfAbsent(of(name), name);
            if (previous != null) {
                throw KitException.configuration("the " + what + " " + previous + " and " + name + " would both be "
                        + of(name) + " on the extracted side; rename one in the generated files by hand");
            }
        }
    }
}
