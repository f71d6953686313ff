package dev.grantflow.catalog;

/**
 * Published inside the saving transaction after an admin saved an application's draft.
 *
 * @param created whether the save created the application, as opposed to changing an existing draft
 */
public record ApplicationDraftSaved(long applicationId, long actorId, String applicationName, boolean created) {
}
