package dev.strangler.playbook.dlt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strangler.infra.InfraSettings;
import dev.strangler.infra.testing.SharedInfrastructure;
import dev.strangler.playbook.KitCli;
import dev.strangler.playbook.KitContext;
import dev.strangler.playbook.stack.StackLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code kit dlt} against the real broker: dead letters written the way the services' error handler writes them
 * (Spring Kafka's headers, binary partition and offset, the kit's reason), listed, shown, replayed to their topic
 * with their own headers, marked, and not replayed twice unless asked.
 */
class DltCommandIntegrationTests {

    private static final InfraSettings infra = SharedInfrastructure.settings();

    private final String original = "dlt-probe-" + UUID.randomUUID().toString().substring(0, 8);
    private final String deadLetters = original + ".dlt";

    @BeforeEach
    void deadLettersAsTheServicesWriteThem() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                infra.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(original, 1, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(deadLetter("{\"MBR_NO\":7}", "{\"after\":{\"MBR_NO\":7,\"GRADE_CD\":\"X\"}}", 41,
                    "unknown grade code 'X'")).get();
            producer.send(deadLetter("{\"MBR_NO\":8}", "{\"after\":{\"MBR_NO\":8,\"GRADE_CD\":\"Y\"}}", 42,
                    "unknown grade code 'Y'")).get();
        }
    }

    @Test
    void listsShowsAndReplaysOnceUnlessAskedAgain() {
        Run list = kit("dlt", "list", "--topic", deadLetters);
        assertThat(list.exitCode()).as(list.errors()).isZero();
        assertThat(list.output()).contains(deadLetters + ": 2 dead letter(s), 2 not replayed",
                deadLetters + "/0@0", "group member-service, from " + original + "/0@41", "unknown grade code 'X'",
                deadLetters + "/0@1", "unknown grade code 'Y'");
        assertThat(kit("dlt", "list").output()).as("every dead-letter topic when none is named")
                .contains(deadLetters + ": 2 dead letter(s)");

        Run show = kit("dlt", "show", deadLetters + "/0@1");
        assertThat(show.exitCode()).as(show.errors()).isZero();
        assertThat(show.output()).contains("from:   " + original + "/0@42", "reason: unknown grade code 'Y'",
                "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "key: {\"MBR_NO\":8}",
                "\"GRADE_CD\" : \"Y\"");

        Run replay = kit("dlt", "replay", "--topic", deadLetters);
        assertThat(replay.exitCode()).as(replay.errors()).isZero();
        assertThat(replay.output()).contains(deadLetters + ": re-sent 2 dead letter(s) to " + original);
        List<ConsumerRecord<String, String>> resent = read(original, 2);
        assertThat(resent).extracting(ConsumerRecord::key).containsExactly("{\"MBR_NO\":7}", "{\"MBR_NO\":8}");
        assertThat(resent.get(0).value()).isEqualTo("{\"after\":{\"MBR_NO\":7,\"GRADE_CD\":\"X\"}}");
        assertThat(header(resent.get(0), "kit-dlt-replayed-from")).isEqualTo(deadLetters + "/0@0");
        assertThat(header(resent.get(0), "traceparent")).as("the record's own headers go with it").isNotNull();
        assertThat(resent.get(0).headers().toArray()).as("the error handler's headers stay behind")
                .noneMatch(header -> header.key().startsWith("kafka_dlt-") || header.key().equals("kit-dlt-reason"));

        assertThat(kit("dlt", "list", "--topic", deadLetters).output()).contains("2 dead letter(s), 0 not replayed",
                "from " + original + "/0@41, replayed");
        assertThat(kit("dlt", "replay", "--topic", deadLetters).output())
                .contains("Nothing to replay: every dead letter was replayed before.");

        Run again = kit("dlt", "replay", deadLetters + "/0@1");
        assertThat(again.exitCode()).as(again.errors()).isZero();
        assertThat(again.output()).contains("Re-sent " + deadLetters + "/0@1 to " + original);
        assertThat(read(original, 3)).extracting(ConsumerRecord::key).last().isEqualTo("{\"MBR_NO\":8}");
    }

    @Test
    void aWrongIdOrTopicIsAClearErrorAndSendsNothing() {
        Run malformed = kit("dlt", "show", "legacy.member.dlt-0-12");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.errors()).contains("is not a dead letter's id: expected <topic>/<partition>@<offset>");

        Run missing = kit("dlt", "replay", deadLetters + "/0@0", deadLetters + "/0@9");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errors()).contains("no dead letter " + deadLetters + "/0@9");
        assertThat(read(original, 0)).as("the first, which exists, was not sent either").isEmpty();

        Run noTopic = kit("dlt", "list", "--topic", "no-such-topic.dlt");
        assertThat(noTopic.exitCode()).isEqualTo(2);
        assertThat(noTopic.errors()).contains("there is no such topic");
    }

    private ProducerRecord<String, String> deadLetter(String key, String value, long offset, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
                .getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-topic", original.getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(0).array());
        headers.add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(offset).array());
        headers.add("kafka_dlt-original-consumer-group", "member-service".getBytes(StandardCharsets.UTF_8));
        headers.add("kafka_dlt-exception-message", "Listener failed".getBytes(StandardCharsets.UTF_8));
        headers.add("kit-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(deadLetters, null, key, value, headers);
    }

    /** The topic whole; waits until it holds the expected count (0: reads what is there within a second). */
    private List<ConsumerRecord<String, String>> read(String topic, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            assertThat(records).hasSize(expected);
            return records;
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Run kit(String... args) {
        Map<String, String> environment = Map.of(InfraSettings.KAFKA_BOOTSTRAP, infra.kafkaBootstrapServers());
        CommandLine commandLine = KitCli.commandLine(new KitContext(StackLayout.of(".", environment), environment));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    private record Run(int exitCode, String output, String errors) {
    }
}
