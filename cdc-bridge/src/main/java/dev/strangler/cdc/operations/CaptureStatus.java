package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.SourcePosition;
import java.util.List;

/** The forward path at a glance, as the operations API and the playbook's gates read it. */
public record CaptureStatus(boolean running, boolean paused, long lastEventAgeMillis, SourcePosition lastPosition,
                           long snapshotRows, List<TableStatus> tables) {

    /**
     * @param lagMillis          source commit to Kafka acknowledgement of the table's last event
     * @param lastEventAgeMillis how long ago that event was published, or -1 before the first
     */
    public record TableStatus(String table, String topic, long events, long lagMillis, long lastEventAgeMillis,
                              long echoesDropped) {
    }
}
