package dev.grantflow.request;

import dev.grantflow.catalog.ApproverType;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An access request as other features and views read it.
 */
public record RequestView(long id, long requesterId, String requesterName, long applicationId, String applicationName,
                          String justification, ApproverType approverType, RequestStatus status,
                          @Nullable String statusDetail, @Nullable String scimUserId, Instant createdAt,
                          Instant updatedAt, int attempts) {
}
