package dev.strangler.infra;

/**
 * A service's own database and the only account that may use it.
 *
 * @param database the schema the account owns, for example {@code member_db}
 * @param user     the account name
 * @param password the account password
 */
public record DatabaseAccount(String database, String user, String password) {
}
