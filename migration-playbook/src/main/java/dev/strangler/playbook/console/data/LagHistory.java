package dev.strangler.playbook.console.data;

import dev.strangler.playbook.console.ConsoleSettings;
import dev.strangler.playbook.metrics.PrometheusScrape;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The CDC lag per table over the last minutes: the bridge's {@code kit_cdc_lag_milliseconds} gauge sampled every
 * few seconds while the console runs (the bridge keeps only the latest value).
 */
@Component
public class LagHistory {

    /** One sample: when, and the lag per table in milliseconds. */
    public record Sample(Instant at, Map<String, Double> lagByTable) {
    }

    static final int KEPT = 120; // ten minutes at one sample every five seconds

    private final String metricsUrl;
    private final Deque<Sample> samples = new ArrayDeque<>();

    LagHistory(ConsoleSettings settings) {
        this.metricsUrl = settings.bridge() + "/actuator/prometheus";
    }

    @Scheduled(fixedDelay = 5_000, initialDelay = 0)
    void sample() {
        PrometheusScrape.of(metricsUrl).ifPresent(scrape -> {
            Map<String, Double> lag = new TreeMap<>();
            scrape.samples().stream().filter(sample -> sample.name().equals("kit_cdc_lag_milliseconds"))
                    .forEach(sample -> lag.merge(sample.labels().getOrDefault("table", "?"), sample.value(), Math::max));
            add(new Sample(Instant.now(), lag));
        });
    }

    synchronized void add(Sample sample) {
        samples.addLast(sample);
        while (samples.size() > KEPT) {
            samples.removeFirst();
        }
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
