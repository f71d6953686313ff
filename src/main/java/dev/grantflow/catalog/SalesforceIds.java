package dev.grantflow.catalog;

import java.util.Locale;

/**
 * Salesforce record ids: 15 case-sensitive characters, or 18 with a case-insensitive checksum suffix.
 */
public final class SalesforceIds {

    /** Key prefix of Profile records, which Salesforce SCIM exposes as user entitlements. */
    public static final String PROFILE_PREFIX = "00e";

    private static final String SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /**
     * Computes the three-character suffix that makes a 15-character id case-insensitive: for each
     * block of five characters, the bits of the upper-case letters index {@code A-Z0-5}.
     */
    public static String checksum(String id15) {
        if (id15.length() != 15) {
            throw new IllegalArgumentException("A Salesforce id to checksum has 15 characters, got " + id15.length());
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int block = 0; block < 3; block++) {
            int bits = 0;
            for (int position = 0; position < 5; position++) {
                char c = id15.charAt(block * 5 + position);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << position;
                }
            }
            suffix.append(SUFFIX_ALPHABET.charAt(bits));
        }
        return suffix.toString();
    }

    /** Returns the 18-character form of a 15- or 18-character id. */
    public static String to18(String id) {
        return id.length() == 18 ? id : id + checksum(id);
    }

    /** Tells whether an 18-character id ends in the checksum of its first 15 characters. */
    public static boolean hasValidChecksum(String id18) {
        return id18.length() == 18
                && checksum(id18.substring(0, 15)).equals(id18.substring(15).toUpperCase(Locale.ROOT));
    }

    /** Tells whether two ids name the same record, whatever their lengths. */
    public static boolean sameRecord(String first, String second) {
        return first.length() >= 15 && second.length() >= 15 && first.substring(0, 15).equals(second.substring(0, 15));
    }
}
