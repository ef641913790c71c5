package dev.strangler.playbook.ownmonolith;

/**
 * What one test's inventory migration is called, so that two share the MariaDB server and the broker without
 * meeting: its schemas, accounts, topics, consumer groups and replication server ids.
 *
 * @param prefix      of its schemas ({@code <prefix>_legacy}, {@code _kit}, {@code _db}), their accounts
 *                    ({@code <prefix>_app}, {@code _cdc}, {@code _svc}, each with password {@code <account>_pw}) and
 *                    topics ({@code <prefix>.legacy.*}, {@code <prefix>.outbox.*})
 * @param application the service is {@code <application>-service}, the reverse path's consumer group
 *                    {@code <application>-reverse}
 * @param capture     the capture's topic prefix; the outbox relay's is {@code <capture>-services}
 * @param serverId    the capture's replication server id; the outbox relay's is the next
 */
record InventoryNames(String prefix, String application, String capture, int serverId) {

    /** A schema ({@code legacy}, {@code kit}, {@code db}) or an account ({@code app}, {@code cdc}, {@code svc}). */
    String of(String name) {
        return prefix + "_" + name;
    }

    String password(String account) {
        return of(account) + "_pw";
    }

    /** The topic the capture writes a legacy table's changes to. */
    String topic(String legacyTable) {
        return prefix + ".legacy." + legacyTable.substring("TB_".length()).toLowerCase();
    }

    String service() {
        return application + "-service";
    }
}
