package dev.grantflow.request;

import dev.grantflow.catalog.ApproverType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A person's request for access to one application, from submission to provisioning.
 */
@Entity
@Table(name = "access_request")
class AccessRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Column(name = "requester_id", nullable = false)
    long requesterId;

    @Column(name = "application_id", nullable = false)
    long applicationId;

    @Column(name = "application_name", nullable = false, length = 120)
    String applicationName = "";

    @Column(nullable = false, length = 2000)
    String justification = "";

    /** The approver type published when the request was submitted; later changes do not apply. */
    @Enumerated(EnumType.STRING)
    @Column(name = "approver_type", nullable = false, length = 40)
    ApproverType approverType = ApproverType.MANAGER;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    RequestStatus status = RequestStatus.PENDING_APPROVAL;

    /** Detail of the status: the approver the request waits for, the rejection comment, or the failure reason. */
    @Column(name = "status_detail", length = 1000)
    @Nullable String statusDetail;

    @Column(name = "scim_user_id", length = 200)
    @Nullable String scimUserId;

    /** Attempts of the current provisioning or revocation run. */
    @Column(nullable = false)
    int attempts;

    @Column(name = "open_key", length = 60)
    @Nullable String openKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.now();

    @Version
    long version;

    long requireId() {
        if (id == null) {
            throw new IllegalStateException("Access request has not been saved yet");
        }
        return id;
    }

    void moveTo(RequestStatus newStatus, @Nullable String detail) {
        status = newStatus;
        statusDetail = detail;
        openKey = newStatus.isOpen() ? requesterId + ":" + applicationId : null;
        updatedAt = Instant.now();
    }
}
