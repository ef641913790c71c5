package dev.strangler.cdc.forward;

import tools.jackson.databind.JsonNode;

/**
 * Where in the source's binlog a change was read: file and position, the GTID where the server has one, and the
 * source commit time.
 */
public record SourcePosition(String file, long position, String gtid, long committedAtMillis, boolean snapshot) {

    static SourcePosition of(JsonNode event) {
        JsonNode source = event.path("source");
        String snapshot = source.path("snapshot").asString("false");
        return new SourcePosition(source.path("file").asString(""), source.path("pos").asLong(0),
                source.path("gtid").isNull() ? null : source.path("gtid").asString(null),
                source.path("ts_ms").asLong(0), !snapshot.equals("false") && !snapshot.isEmpty());
    }
}
