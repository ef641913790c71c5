package dev.strangler.cdc.forward;

import dev.strangler.cdc.barrier.Watermarks;
import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.config.KafkaConnection;
import dev.strangler.cdc.outbox.OutboxProperties;
import dev.strangler.cdc.startup.SourcePreflight;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdcProperties.class)
class ForwardCaptureConfiguration {

    @Bean
    CaptureMetrics captureMetrics(MeterRegistry registry) {
        return new CaptureMetrics(registry, Clock.systemUTC());
    }

    @Bean
    CapturePause capturePause() {
        return new CapturePause();
    }

    @Bean
    ForwardCapture forwardCapture(CdcProperties cdc, OutboxProperties outbox, KafkaProperties kafka,
                                  CaptureMetrics metrics, CapturePause pause, Watermarks watermarks) {
        KafkaConnection connection = KafkaConnection.of(kafka);
        return new ForwardCapture(cdc, connection, preflight(cdc, outbox, connection), metrics, pause,
                watermarks);
    }

    /** The relay's tables are checked on its server; the watermark with them when that is a server of its own. */
    private static SourcePreflight preflight(CdcProperties cdc, OutboxProperties outbox, KafkaConnection kafka) {
        List<String> outboxTables = new ArrayList<>(outbox.tables());
        if (outbox.hasOwnServer()) {
            outboxTables.add(outbox.watermarkTable(cdc));
        }
        return new SourcePreflight(cdc, outbox.server(cdc), outboxTables, kafka);
    }
}
