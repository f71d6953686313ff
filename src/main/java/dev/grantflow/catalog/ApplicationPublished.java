package dev.grantflow.catalog;

/**
 * Published after an application's draft went live.
 *
 * @param apiKeyChanged whether the published API key differs from the one live before, so cached tokens are stale
 */
public record ApplicationPublished(long applicationId, int version, boolean apiKeyChanged) {
}
