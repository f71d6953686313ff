package dev.grantflow.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An application in the catalog, with its draft settings and the published settings requesters see.
 */
@Entity
@Table(name = "application")
class Application {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Nullable Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    CatalogTemplate template = CatalogTemplate.SALESFORCE;

    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "draft_settings_id")
    @Nullable ApplicationSettings draft;

    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "published_settings_id")
    @Nullable ApplicationSettings published;

    @Column(name = "created_at", nullable = false)
    Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt = Instant.now();

    @Column(name = "last_publish_error", length = 2000)
    @Nullable String lastPublishError;

    @Column(name = "last_publish_failed_at")
    @Nullable Instant lastPublishFailedAt;

    @Version
    long version;

    long requireId() {
        if (id == null) {
            throw new IllegalStateException("Application has not been saved yet");
        }
        return id;
    }

    ApplicationSettings requireDraft() {
        if (draft == null) {
            throw new IllegalStateException("Application " + id + " has no draft settings");
        }
        return draft;
    }

    PublishState publishState() {
        if (lastPublishError != null) {
            return PublishState.PUBLISH_FAILED;
        }
        return published == null ? PublishState.NOT_PUBLISHED : PublishState.PUBLISHED;
    }

    DraftState draftState() {
        return published != null && (draft == null || draft.sameSettingsAs(published))
                ? DraftState.NO_CHANGES : DraftState.CHANGES_PENDING;
    }
}
