package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.SourcePosition;
import java.util.List;

/** The forward path at a glance, as the operations API and the playbook's gates read it. */
public record CaptureStatus(boolean running, boolean paused, long lastEventAgeMillis, SourcePosition lastPosition,
                           long snapshotRows, List<TableStatus> tables) {

    public record TableStatus(String table, String topic, long events, long lagMillis, long echoesDropped) {
    }
}
