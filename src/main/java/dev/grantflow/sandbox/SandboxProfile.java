package dev.grantflow.sandbox;

/**
 * Salesforce profile, which the SCIM API exposes as an entitlement.
 *
 * @param id 18-character profile id, starting with "00e"
 * @param name profile name, shown as the entitlement's display name
 */
public record SandboxProfile(String id, String name) {
}
