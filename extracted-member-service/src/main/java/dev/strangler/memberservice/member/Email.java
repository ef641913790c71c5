package dev.strangler.memberservice.member;

/**
 * An e-mail address. Kept as given: the monolith never normalised addresses, and the contract returns them as
 * they were registered. Format rules live in the request validation; this type only refuses what no address is.
 *
 * @param value the address
 */
public record Email(String value) {

    public Email {
        if (value == null || value.isBlank() || value.indexOf('@') < 1) {
            throw new IllegalArgumentException("not an e-mail address: '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
