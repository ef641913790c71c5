package dev.strangler.playbook.dlt;

import dev.strangler.infra.kafka.KafkaClientEnvironment;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.KitException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change events the extracted services could not apply, which their consumers set aside in dead-letter topics
 * and moved on from. Replaying sends them back to the topic they came from: every consumer of that topic reads them
 * again, and the version guard applies each only where it is newer than what the table has, so a replay is safe to
 * repeat.
 */
@Command(name = "dlt", mixinStandardHelpOptions = true,
        description = "List, show and replay the change events the services dead-lettered.",
        subcommands = {DltCommand.ListLetters.class, DltCommand.Show.class, DltCommand.Replay.class})
public final class DltCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which dead-letter topics a command reads: one, or every topic with the suffix. */
    static final class Which {

        @Option(names = "--topic", description = "Only this dead-letter topic.")
        String topic;

        @Option(names = "--suffix", defaultValue = ".dlt",
                description = "How dead-letter topics end (default: ${DEFAULT-VALUE}).")
        String suffix;

        List<String> topics(DeadLetterTopics topics) {
            return topic == null ? topics.topics(suffix) : List.of(topic);
        }
    }

    static DeadLetterTopics topics(KitContext kit) {
        return new DeadLetterTopics(kit.infra().kafkaBootstrapServers(),
                KafkaClientEnvironment.security(kit.environment()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every dead letter of every dead-letter topic (or one): where it came from, which consumer "
                    + "group gave up on it, why, and whether it was replayed.")
    static final class ListLetters implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        @Mixin
        Which which;

        ListLetters(KitContext kit) {
            this.kit = kit;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterTopics topics = topics(kit)) {
                List<String> names = which.topics(topics);
                Map<TopicPartition, Long> marks = topics.replayedUpTo();
                int total = 0;
                for (String name : names) {
                    List<DeadLetter> letters = topics.read(name);
                    long pending = letters.stream().filter(letter -> !letter.replayed(marks)).count();
                    total += letters.size();
                    if (letters.isEmpty()) {
                        continue;
                    }
                    out.printf("%s: %d dead letter(s), %d not replayed%n", name, letters.size(), pending);
                    for (DeadLetter letter : letters) {
                        out.printf("  %-28s %s  group %s, from %s%s%n      %s%n", letter.id(), letter.time(),
                                letter.group(), letter.origin(), letter.replayed(marks) ? ", replayed" : "",
                                letter.reason());
                    }
                }
                out.printf("%d dead letter(s) in %d dead-letter topic(s).%n", total, names.size());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "One dead letter whole: its headers, key and value.")
    static final class Show implements Runnable {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "As 'kit dlt list' prints it: <topic>/<partition>@<offset>.")
        String id;

        Show(KitContext kit) {
            this.kit = kit;
        }

        @Override
        public void run() {
            DeadLetterId wanted = DeadLetterId.parse(id);
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterTopics topics = topics(kit)) {
                DeadLetter letter = find(topics.read(wanted.topic()), wanted);
                out.printf("%s, dead-lettered %s%n", letter.id(), letter.time());
                out.printf("from:   %s%ngroup:  %s%nreason: %s%n", letter.origin(), letter.group(), letter.reason());
                out.println("headers:");
                letter.headers().forEach((name, value) -> out.printf("  %s: %s%n", name, value));
                out.printf("key: %s%nvalue:%n%s%n", letter.keyText(), pretty(letter.valueText()));
            }
        }

        private static String pretty(String text) {
            try {
                JsonNode tree = JSON.readTree(text);
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
            } catch (RuntimeException notJson) {
                return text;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send dead letters back to the topic they came from, after fixing what made them fail "
                    + "(a translation, a column, a constraint).",
                    "Without IDs: every dead letter not replayed yet (of every topic, or of --topic), then marks them "
                            + "replayed. With IDs: those, replayed before or not."})
    static final class Replay implements Runnable {

        private final KitContext kit;

        @Spec
        CommandSpec spec;

        @Mixin
        Which which;

        @Parameters(paramLabel = "ID", arity = "0..*",
                description = "Dead letters as 'kit dlt list' prints them: <topic>/<partition>@<offset>.")
        List<String> ids = new ArrayList<>();

        Replay(KitContext kit) {
            this.kit = kit;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeadLetterTopics topics = topics(kit)) {
                if (!ids.isEmpty()) {
                    // All found before any is sent: a typo in the third id sends nothing. Each topic is read once.
                    Map<String, List<DeadLetter>> read = new HashMap<>();
                    List<DeadLetter> letters = ids.stream().map(DeadLetterId::parse)
                            .map(wanted -> find(read.computeIfAbsent(wanted.topic(), topics::read), wanted)).toList();
                    topics.resend(letters, which.suffix);
                    letters.forEach(letter -> out.printf("Re-sent %s to %s.%n", letter.id(),
                            letter.originalTopic(which.suffix)));
                    return;
                }
                int sent = 0;
                Map<TopicPartition, Long> marks = topics.replayedUpTo();
                for (String name : which.topics(topics)) {
                    List<DeadLetter> pending = topics.read(name).stream().filter(letter -> !letter.replayed(marks))
                            .toList();
                    if (pending.isEmpty()) {
                        continue;
                    }
                    topics.resend(pending, which.suffix);
                    Map<Integer, Long> upTo = new HashMap<>();
                    pending.forEach(letter -> upTo.merge(letter.id().partition(), letter.id().offset() + 1, Math::max));
                    topics.markReplayed(name, upTo);
                    out.printf("%s: re-sent %d dead letter(s) to %s.%n", name, pending.size(),
                            pending.get(0).originalTopic(which.suffix));
                    sent += pending.size();
                }
                out.println(sent == 0 ? "Nothing to replay: every dead letter was replayed before."
                        : "Replayed " + sent + " dead letter(s); the services apply each where it is newer than "
                        + "what they have. Check with 'kit compare data'.");
            }
        }
    }

    private static DeadLetter find(List<DeadLetter> letters, DeadLetterId wanted) {
        return letters.stream().filter(letter -> letter.id().equals(wanted)).findFirst()
                .orElseThrow(() -> new KitException(KitException.USAGE_OR_CONFIGURATION,
                        "no dead letter " + wanted + " (see 'kit dlt list')"));
    }
}
