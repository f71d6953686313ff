package dev.grantflow.provisioning;

import java.net.URI;
import java.util.Objects;

/**
 * SCIM 2.0 app that Grantflow provisions into.
 *
 * @param appKey         Grantflow's key of the app, used for token storage, locks and logs
 * @param kind           dialect of the SCIM endpoint
 * @param baseUri        SCIM base URI, for Salesforce {@code https://<domain>/services/scim/v2}
 * @param groupsObjectId Salesforce profile id ({@code 00e…}) or, for other apps, the id of the group to join
 * @param credentials    credentials presented to the app
 */
public record ScimTarget(String appKey, TargetKind kind, URI baseUri, String groupsObjectId, Credentials credentials) {

    public ScimTarget {
        if (appKey == null || appKey.isBlank()) {
            throw new IllegalArgumentException("appKey is missing. Every SCIM target needs the key of its app.");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credentials, "credentials");
        if (baseUri == null || !baseUri.isAbsolute() || baseUri.getHost() == null) {
            throw new IllegalArgumentException("SCIM base URI " + baseUri + " of app " + appKey
                    + " is not an absolute http(s) URI. Enter the full SCIM base URL in the app's settings.");
        }
        if (groupsObjectId == null || groupsObjectId.isBlank()) {
            throw new IllegalArgumentException("Groups Object ID of app " + appKey
                    + " is missing. Enter the profile id (Salesforce) or the group id (other SCIM apps).");
        }
    }
}
