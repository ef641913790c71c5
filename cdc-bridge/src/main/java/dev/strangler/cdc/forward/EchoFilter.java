package dev.strangler.cdc.forward;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises the reverse path's own writes. The reverse path inserts an echo-marker row, naming the outbox event it
 * applies, first in each transaction it writes to the legacy tables; every change of a transaction whose marker was
 * seen is an echo of that event.
 */
final class EchoFilter {

    /** Transactions are short and markers arrive first, so a bounded memory of recent ones is enough. */
    private static final int REMEMBERED_TRANSACTIONS = 10_000;

    private final Map<String, String> echoTransactions = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_TRANSACTIONS;
        }
    };

    void markerSeen(String transactionId, String sourceEventId) {
        if (transactionId != null) {
            echoTransactions.put(transactionId, sourceEventId == null ? "" : sourceEventId);
        }
    }

    /** The outbox event a change of this transaction echoes, or null when it is not an echo. */
    String sourceEvent(String transactionId) {
        return transactionId == null ? null : echoTransactions.get(transactionId);
    }
}
