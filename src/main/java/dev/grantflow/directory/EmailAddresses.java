package dev.grantflow.directory;

/**
 * Checks the form of email addresses before they enter the directory: ASCII only, one {@code @}, a local part
 * of at most 64 characters from the unquoted set of RFC 5322, and a domain of dot-separated labels.
 */
final class EmailAddresses {

    /** Maximum length of a stored email, as the {@code person.email} column allows. */
    static final int MAX_LENGTH = 320;

    private static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final String LOCAL_SYMBOLS = "!#$%&'*+-/=?^_`{|}~.";

    private EmailAddresses() {
    }

    /** Returns whether the address, already stripped and lower-cased, has a valid form. */
    static boolean isValid(String email) {
        int at = email.indexOf('@');
        if (email.length() > MAX_LENGTH || at < 1 || at != email.lastIndexOf('@')) {
            return false;
        }
        return isValidLocalPart(email.substring(0, at)) && isValidDomain(email.substring(at + 1));
    }

    private static boolean isValidLocalPart(String local) {
        if (local.length() > MAX_LOCAL_LENGTH || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.chars().allMatch(c -> isAsciiLetterOrDigit(c) || LOCAL_SYMBOLS.indexOf(c) >= 0);
    }

    private static boolean isValidDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH || label.startsWith("-") || label.endsWith("-")
                    || !label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
