package dev.grantflow.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One SCIM or token call made for a request, as stored in the provisioning log. Already redacted.
 */
@Entity
@Table(name = "provisioning_call")
class ProvisioningCall {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Column(name = "request_id", nullable = false)
    long requestId;

    @Column(name = "called_at", nullable = false)
    Instant calledAt = Instant.EPOCH;

    @Column(nullable = false, length = 10)
    String method = "";

    @Column(nullable = false, length = 1000)
    String path = "";

    @Column(nullable = false)
    int status;

    @Column(name = "duration_ms", nullable = false)
    long durationMs;

    @Column(name = "error_code", length = 100)
    @Nullable String errorCode;

    @Column(nullable = false, length = 2000)
    String message = "";
}
