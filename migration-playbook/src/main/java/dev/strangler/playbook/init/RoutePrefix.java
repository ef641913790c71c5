package dev.strangler.playbook.init;

import dev.strangler.playbook.KitException;
import java.util.List;
import java.util.Locale;

/**
 * A path prefix the extracted service takes over, and the id its routes and steps are named after: {@code --route
 * /api/stock} is {@code stock}, {@code --route inventory=/api/stock} is {@code inventory}.
 *
 * @param id     lower-case letters, digits and '-'; the routes are {@code <id>-read} and {@code <id>-write}
 * @param prefix the path prefix, without a trailing '/'
 */
record RoutePrefix(String id, String prefix) {

    private static final String ID = "[a-z0-9][a-z0-9-]*";

    static RoutePrefix parse(String option) {
        int equals = option.indexOf('=');
        String prefix = (equals < 0 ? option : option.substring(equals + 1)).trim().replaceAll("/+$", "");
        if (!prefix.matches("(/[A-Za-z0-9._~-]+)+")) {
            throw KitException.configuration("--route " + option + ": the prefix must be a path such as /api/stock"
                    + " (segments of letters, digits, '.', '_', '~' and '-'; no patterns)");
        }
        String id = equals < 0 ? ExtractedNames.of(prefix.substring(prefix.lastIndexOf('/') + 1)).replace('_', '-')
                : option.substring(0, equals).trim().toLowerCase(Locale.ROOT);
        if (!id.matches(ID)) {
            throw KitException.configuration("--route " + option + ": the id '" + id + "' must be lower-case letters,"
                    + " digits and '-' (write it as ID=PREFIX)");
        }
        return new RoutePrefix(id, prefix);
    }

    static void requireDistinct(List<RoutePrefix> routes) {
        List<String> ids = routes.stream().map(RoutePrefix::id).toList();
        ids.stream().filter(id -> ids.indexOf(id) != ids.lastIndexOf(id)).findFirst().ifPresent(id -> {
            throw KitException.configuration("--route: two prefixes would be named '" + id + "'; name them with"
                    + " ID=PREFIX");
        });
    }

    String readRoute() {
        return id + "-read";
    }

    String writeRoute() {
        return id + "-write";
    }
}
