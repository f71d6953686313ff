package dev.grantflow.provisioning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The live token state of an application's connection: the current refresh token (which may rotate)
 * and the cached access token, both sealed.
 */
@Entity
@Table(name = "app_connection")
class AppConnection {

    static final String CONNECTED = "CONNECTED";
    static final String NEEDS_REAUTHORIZATION = "NEEDS_REAUTHORIZATION";

    @Id
    @Column(name = "application_id")
    long applicationId;

    @Column(name = "refresh_token_sealed", length = 4000)
    @Nullable String refreshTokenSealed;

    @Column(name = "access_token_sealed", length = 4000)
    @Nullable String accessTokenSealed;

    @Column(name = "access_token_expires_at")
    @Nullable Instant accessTokenExpiresAt;

    @Column(nullable = false, length = 30)
    String status = CONNECTED;

    @Column(name = "status_detail", length = 1000)
    @Nullable String statusDetail;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.now();

    @Version
    @Nullable Long version;
}
