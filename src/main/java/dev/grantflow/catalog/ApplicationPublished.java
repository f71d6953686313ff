package dev.grantflow.catalog;

/**
 * Published after an application's draft went live.
 *
 * @param actorId the admin who published
 * @param apiKeyChanged whether the published API key differs from the one live before, so cached tokens are stale
 */
public record ApplicationPublished(long applicationId, long actorId, int version, boolean apiKeyChanged) {
}
