package dev.grantflow.sandbox;

import dev.grantflow.catalog.SalesforceIds;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Salesforce-shaped ids for new users, and the canonical form of ids that clients send. Thread-safe.
 */
final class SandboxUserIds {

    /** User key prefix "005", then "5g0" in the style of the instance and reserved characters of real ids. */
    private static final String USER_ID_HEAD = "0055g0";
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SEQUENCE_DIGITS = 9;
    /** First sequence number. Large enough that the ids mix digits and letters of both cases, as real ones do. */
    private static final long FIRST_SEQUENCE = 1_000_000_000_000L;

    private final AtomicLong sequence = new AtomicLong(FIRST_SEQUENCE);

    /** Returns a new 18-character user id with a valid checksum. */
    String next() {
        long value = sequence.getAndIncrement();
        char[] digits = new char[SEQUENCE_DIGITS];
        for (int i = SEQUENCE_DIGITS - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % BASE62.length()));
            value /= BASE62.length();
        }
        return SalesforceIds.to18(USER_ID_HEAD + new String(digits));
    }

    /**
     * Returns the 18-character form of a 15- or 18-character alphanumeric id, with the checksum in upper case.
     * Returns null for any other length, other characters, or an 18-character id whose checksum is wrong.
     */
    static @Nullable String canonicalId(String id) {
        if (id.length() != 15 && id.length() != 18) {
            return null;
        }
        if (!id.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            return null;
        }
        if (id.length() == 18 && !SalesforceIds.hasValidChecksum(id)) {
            return null;
        }
        return SalesforceIds.to18(id.substring(0, 15));
    }
}
