package dev.strangler.cdc.operations;

import dev.strangler.cdc.forward.SourcePosition;
import dev.strangler.cdc.outbox.OutboxRelay;
import java.util.List;

/**
 * The forward path at a glance, as the operations API and the playbook's gates read it, and the outbox relay's
 * figures. {@code problem} and {@code action} say what is wrong and the command that recovers, when something is;
 * {@code pausedBy} is the control token's name that paused the forward path, while it is paused.
 */
public record CaptureStatus(boolean running, boolean paused, String pausedBy, long lastEventAgeMillis, SourcePosition lastPosition,
                           long snapshotRows, List<TableStatus> tables, OutboxRelay.Status outbox, String problem,
                           String action) {

    /** The command that recovers from a position gone from the server. */
    public static final String RESNAPSHOT = "./kit cdc resnapshot";

    /**
     * @param lagMillis          source commit to Kafka acknowledgement of the table's last event
     * @param lastEventAgeMillis how long ago that event was published, or -1 before the first
     * @param echoes             of its events, changes the reverse path wrote (published with the kit-echo header)
     */
    public record TableStatus(String table, String topic, long events, long lagMillis, long lastEventAgeMillis,
                              long echoes) {
    }
}
