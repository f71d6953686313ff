package dev.grantflow.provisioning;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes bearer tokens and OAuth 2.0 secrets from text before it reaches a log, a message or a call record.
 */
public final class Redactor {

    /** Replacement for every removed secret. */
    public static final String MASK = "[REDACTED]";

    // Salesforce access tokens look like "00D5g000004ABCD!AQ0AQ..." so the token class includes "!".
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=!\\-]+");

    // Covers JSON ("access_token":"..."), form (access_token=...) and key: value forms.
    private static final Pattern OAUTH_PARAMETER = Pattern.compile(
            "(?i)(\"?(?:access_token|refresh_token|client_secret)\"?\\s*[:=]\\s*\"?)[^\"&\\s,;}]+");

    private Redactor() {
    }

    /**
     * Returns {@code text} with bearer tokens and the values of {@code access_token}, {@code refresh_token} and
     * {@code client_secret} replaced by {@link #MASK}. Returns an empty string for {@code null}.
     */
    public static String redact(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String withoutBearer = BEARER.matcher(text).replaceAll("$1" + MASK);
        return OAUTH_PARAMETER.matcher(withoutBearer).replaceAll("$1" + MASK);
    }
}
