package dev.grantflow.catalog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of the admin's application list.
 */
public record ApplicationSummary(long id, String name, CatalogTemplate template, PublishState state,
                                 DraftState draftState, ApproverType approverType, boolean fulfillmentEnabled,
                                 @Nullable Integer publishedVersion, Instant updatedAt,
                                 @Nullable String lastPublishError) {
}
