package dev.strangler.cdc.operations;

import dev.strangler.cdc.config.CdcProperties;
import dev.strangler.cdc.forward.CaptureMetrics;
import dev.strangler.cdc.forward.CapturePause;
import dev.strangler.cdc.forward.ForwardCapture;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
class CaptureOperationsConfiguration {

    @Bean
    CaptureOperations captureOperations(CdcProperties cdc, ForwardCapture capture, CaptureMetrics metrics,
                                        CapturePause pause, ObjectMapper json) {
        return new CaptureOperations(cdc, capture, metrics, pause, new SnapshotRequests(cdc, json));
    }

    @Bean
    CaptureHealthIndicator captureHealthIndicator(ForwardCapture capture, CaptureMetrics metrics, CapturePause pause) {
        return new CaptureHealthIndicator(capture, metrics, pause);
    }
}
