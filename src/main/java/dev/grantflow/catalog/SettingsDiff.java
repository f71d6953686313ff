package dev.grantflow.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Describes what changed between two saved states of an application's settings, in words an admin reads.
 */
final class SettingsDiff {

    private SettingsDiff() {
    }

    /** Lists the changes from {@code before} (null for the first version) to {@code after}. */
    static List<String> between(@Nullable ApplicationSettings before, ApplicationSettings after, LongFunction<String> personName) {
        if (before == null) {
            return List.of("First version.");
        }
        List<String> changes = new ArrayList<>();
        value(changes, "Name", before, after, settings -> settings.name);
        value(changes, "Description", before, after, settings -> settings.description);
        value(changes, "Owner", before, after, settings -> settings.ownerId == null ? "none" : personName.apply(settings.ownerId));
        value(changes, "Fulfillment", before, after, settings -> settings.fulfillmentEnabled ? "on" : "off");
        value(changes, "Approver type", before, after, settings -> settings.approverType.displayName());
        value(changes, "Base URI", before, after, settings -> settings.baseUri);
        secret(changes, "API key", before.apiKeySealed, after.apiKeySealed);
        value(changes, "Groups Object ID", before, after, settings -> settings.groupsObjectId);
        value(changes, "OAuth 2.0", before, after, settings -> settings.oauthEnabled ? "on" : "off");
        value(changes, "Token URL", before, after, settings -> settings.tokenUrl);
        value(changes, "Client ID", before, after, settings -> settings.clientId);
        secret(changes, "Client secret", before.clientSecretSealed, after.clientSecretSealed);
        value(changes, "On revocation", before, after, settings -> settings.revokeMode.displayName());
        return changes.isEmpty() ? List.of("No changes.") : changes;
    }

    private static void value(List<String> changes, String label, ApplicationSettings before, ApplicationSettings after,
                              Function<ApplicationSettings, @Nullable String> field) {
        String old = field.apply(before);
        String now = field.apply(after);
        if (!Objects.equals(old, now)) {
            changes.add(label + ": " + shown(old) + " → " + shown(now));
        }
    }

    private static void secret(List<String> changes, String label, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(label + ": changed");
        }
    }

    private static String shown(@Nullable String value) {
        return value == null || value.isBlank() ? "(empty)" : "\"" + value + "\"";
    }
}
