package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import dev.strangler.cdc.outbox.OutboxRelay;
import dev.strangler.cdc.reverse.ReversePath;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class CaptureOperationsConfiguration {

    @Bean
    CaptureOperations captureOperations(CdcProperties cdc, ForwardCapture capture, CaptureMetrics metrics,
                                        CapturePause pause, ObjectMapper json, OutboxRelay outbox) {
        return new CaptureOperations(cdc, capture, metrics, pause, new SnapshotRequests(cdc, json), outbox);
    }

    @Bean
    BridgeMeters bridgeMeters(ForwardCapture capture, OutboxRelay outbox, ReversePath reverse) {
        return new BridgeMeters(capture, outbox, reverse);
    }

    @Bean
    CaptureHealthIndicator captureHealthIndicator(ForwardCapture capture, CaptureMetrics metrics, CapturePause pause,
                                                  OutboxRelay outbox, ReversePath reverse,
                                                  CaptureOperations operations) {
        return new CaptureHealthIndicator(capture, metrics, pause, outbox, reverse, operations);
    }
}
