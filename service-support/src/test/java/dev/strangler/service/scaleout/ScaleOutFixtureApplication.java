package dev.strangler.service.scaleout;

import dev.strangler.service.changefeed.ChangefeedTopics;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * One instance of an extracted service built on the starter, for {@link ScaleOutIntegrationTests}: it copies a legacy
 * stock table ({@link StockLevels}, one batch listener) and logs every row it writes under its own name
 * ({@code scaleout.instance}). Several run at once in one consumer group: in the test's JVM, and in a JVM of their
 * own ({@link #main}) that the test can kill.
 */
@SpringBootApplication
public class ScaleOutFixtureApplication {

    public static void main(String[] args) {
        SpringApplication.run(ScaleOutFixtureApplication.class, args);
    }

    @Bean
    ChangefeedTopics scaleOutTopics(@Value("${scaleout.topic}") String topic,
                                    @Value("${kit.service.changefeed.partitions}") int partitions) {
        return new Topics(topic, partitions);
    }

    private record Topics(String topic, int partitions) implements ChangefeedTopics {

        @Override
        public List<String> topics() {
            return List.of(topic);
        }

        @Override
        public String deadLetterTopic(String topic) {
            return topic + ".dlt";
        }

        @Override
        public int chunkSize() {
            return 500;
        }
    }
}
