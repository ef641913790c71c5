package dev.strangler.playbook.stack;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names PromQL expressions read: the kit's own, and the client libraries' the dashboard charts. */
final class MetricNames {

    private static final Pattern NAME = Pattern.compile(
            "\\b((?:strangler|kit|resilience4j|kafka_consumer|http_server)_[a-zA-Z0-9_]+)\\b");

    private MetricNames() {
    }

    static Set<String> in(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions) {
            Matcher matcher = NAME.matcher(expression);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
