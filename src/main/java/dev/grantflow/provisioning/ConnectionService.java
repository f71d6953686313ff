package dev.grantflow.provisioning;

import dev.grantflow.catalog.ApplicationPublished;
import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.request.RequestService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tracks whether each application's connection works. An authorization failure marks it "Needs
 * re-authorization" and holds the application's provisioning; publishing a new API key restores it
 * and resumes the held requests.
 */
@Service
public class ConnectionService {

    private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

    private final AppConnectionRepository connections;
    private final DatabaseTokenStore tokens;
    private final CatalogService catalog;
    private final RequestService requests;
    private final TransactionTemplate ownTransaction;
    private final ApplicationEventPublisher events;

    ConnectionService(AppConnectionRepository connections, DatabaseTokenStore tokens, CatalogService catalog,
                      RequestService requests, PlatformTransactionManager transactions, ApplicationEventPublisher events) {
        this.connections = connections;
        this.tokens = tokens;
        this.catalog = catalog;
        this.requests = requests;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Returns why the application's connection needs re-authorization, or empty when it works. */
    public Optional<String> reauthorizationNeeded(long applicationId) {
        return ownTransaction.execute(status -> connections.findById(applicationId)
                .filter(connection -> AppConnection.NEEDS_REAUTHORIZATION.equals(connection.status))
                .map(connection -> connection.statusDetail == null ? "" : connection.statusDetail));
    }

    /** Marks the connection as needing re-authorization, committed at once so other jobs hold too. */
    void markNeedsReauthorization(long applicationId, String detail) {
        ownTransaction.executeWithoutResult(status -> {
            AppConnection connection = connections.findById(applicationId).orElseGet(() -> {
                AppConnection created = new AppConnection();
                created.applicationId = applicationId;
                return created;
            });
            connection.status = AppConnection.NEEDS_REAUTHORIZATION;
            connection.statusDetail = detail.length() > 1000 ? detail.substring(0, 997) + "..." : detail;
            connection.updatedAt = Instant.now();
            connections.save(connection);
            announce(applicationId, AppConnection.NEEDS_REAUTHORIZATION, detail);
        });
        log.warn("Connection needs re-authorization, applicationId={} detail={}", applicationId, detail);
    }

    /** Returns the connections that need an admin, for the dashboard. */
    public List<ConnectionProblem> problems() {
        return connections.findByStatus(AppConnection.NEEDS_REAUTHORIZATION).stream()
                .map(connection -> new ConnectionProblem(connection.applicationId,
                        catalog.findPublished(connection.applicationId).map(PublishedApplication::name)
                                .orElse("Application " + connection.applicationId),
                        connection.statusDetail == null ? "" : connection.statusDetail, connection.updatedAt))
                .toList();
    }

    /** Starts over from the published API key when an admin publishes a new one, and resumes held requests. */
    @EventListener
    void onPublished(ApplicationPublished published) {
        if (!published.apiKeyChanged()) {
            return;
        }
        AppConnection connection = connections.findById(published.applicationId()).orElseGet(AppConnection::new);
        connection.applicationId = published.applicationId();
        connection.refreshTokenSealed = tokens.publishedApiKey(published.applicationId());
        connection.accessTokenSealed = null;
        connection.accessTokenExpiresAt = null;
        connection.status = AppConnection.CONNECTED;
        connection.statusDetail = null;
        connection.updatedAt = Instant.now();
        connections.save(connection);
        announce(published.applicationId(), AppConnection.CONNECTED,
                "API key changed in version " + published.version() + ", so the connection starts over with it.");
        log.info("Reset connection tokens after a new API key was published, applicationId={} version={}",
                published.applicationId(), published.version());
        requests.resumeHeld(published.applicationId(), "a new API key was published in version " + published.version() + ".");
    }

    /** Publishes the status change inside the transaction that stored it. */
    private void announce(long applicationId, String status, String detail) {
        events.publishEvent(new ConnectionStatusChanged(applicationId, status, detail));
    }
}
