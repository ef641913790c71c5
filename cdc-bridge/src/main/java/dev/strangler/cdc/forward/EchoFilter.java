package dev.strangler.cdc.forward;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recognises the reverse path's own writes. The reverse path inserts an echo-marker row first in each transaction
 * it writes to the legacy tables; every change of a transaction whose marker was seen is an echo of a change that
 * came from an extracted service, and republishing it would send it back there (a loop).
 */
final class EchoFilter {

    /** Transactions are short and markers arrive first, so a bounded memory of recent ones is enough. */
    private static final int REMEMBERED_TRANSACTIONS = 10_000;

    private final Map<String, Boolean> echoTransactions = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TRANSACTIONS;
        }
    };

    void markerSeen(String transactionId) {
        if (transactionId != null) {
            echoTransactions.put(transactionId, Boolean.TRUE);
        }
    }

    boolean isEcho(String transactionId) {
        return transactionId != null && echoTransactions.containsKey(transactionId);
    }
}
