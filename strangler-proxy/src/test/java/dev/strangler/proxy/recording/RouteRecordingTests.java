package dev.strangler.proxy.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteRecordingTests {

    @Test
    void takesEveryNthRequestUntilTheFileIsFullCountingLinesFromBeforeARestart() {
        RouteRecording recording = new RouteRecording("members", Path.of("members.jsonl"), 3, 3, 1,
                new SimpleMeterRegistry());
        List<Integer> taken = new ArrayList<>();
        for (int request = 0; request < 12; request++) {
            if (recording.samples() && recording.claim()) {
                taken.add(request);
            }
        }

        assertThat(taken).containsExactly(0, 3);
        assertThat(recording.samples()).isFalse();
    }

    @Test
    void aDroppedExchangeGivesItsLineBack() {
        RouteRecording recording = new RouteRecording("members", Path.of("members.jsonl"), 1, 1, 0,
                new SimpleMeterRegistry());

        assertThat(recording.claim()).isTrue();
        assertThat(recording.claim()).isFalse();
        recording.release();
        assertThat(recording.claim()).isTrue();
    }
}
