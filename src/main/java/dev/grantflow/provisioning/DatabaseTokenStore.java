package dev.grantflow.provisioning;

import dev.grantflow.catalog.CatalogService;
import dev.grantflow.catalog.PublishedApplication;
import dev.grantflow.security.SealedSecret;
import dev.grantflow.security.SecretCipher;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps each application's tokens in the database, sealed. Every read and write runs in its own
 * transaction: a rotated refresh token must stay stored even when the provisioning job that got it
 * fails and rolls back, and readers must see the newest token rather than their transaction's snapshot.
 */
@Component
class DatabaseTokenStore implements TokenStore {

    private static final Logger log = LoggerFactory.getLogger(DatabaseTokenStore.class);

    private final AppConnectionRepository connections;
    private final CatalogService catalog;
    private final SecretCipher cipher;
    private final TransactionTemplate ownTransaction;

    DatabaseTokenStore(AppConnectionRepository connections, CatalogService catalog, SecretCipher cipher,
                       PlatformTransactionManager transactions) {
        this.connections = connections;
        this.catalog = catalog;
        this.cipher = cipher;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public Optional<CachedAccessToken> accessToken(String appKey) {
        return ownTransaction.execute(status -> connections.findById(Long.parseLong(appKey))
                .filter(connection -> connection.accessTokenSealed != null)
                .map(connection -> new CachedAccessToken(cipher.open(new SealedSecret(connection.accessTokenSealed)),
                        connection.accessTokenExpiresAt)));
    }

    @Override
    public String refreshToken(String appKey) {
        String sealed = ownTransaction.execute(status -> connectionOf(Long.parseLong(appKey)).refreshTokenSealed);
        if (sealed == null) {
            throw new ProvisioningException(ProvisioningException.Kind.AUTHORIZATION, "Application " + appKey
                    + " has no refresh token. Enter one as the API key in the application's settings and publish.");
        }
        return cipher.open(new SealedSecret(sealed));
    }

    @Override
    public void saveRefreshResult(String appKey, CachedAccessToken token, @Nullable String rotatedRefreshToken) {
        ownTransaction.executeWithoutResult(status -> {
            AppConnection connection = connectionOf(Long.parseLong(appKey));
            connection.accessTokenSealed = cipher.seal(token.value()).ciphertext();
            connection.accessTokenExpiresAt = token.expiresAt();
            if (rotatedRefreshToken != null) {
                connection.refreshTokenSealed = cipher.seal(rotatedRefreshToken).ciphertext();
            }
            connection.updatedAt = Instant.now();
        });
        if (rotatedRefreshToken != null) {
            log.info("Stored rotated refresh token, applicationId={}", appKey);
        }
    }

    @Nullable String publishedApiKey(long applicationId) {
        SealedSecret apiKey = catalog.findPublished(applicationId).map(PublishedApplication::apiKey).orElse(null);
        return apiKey == null ? null : apiKey.ciphertext();
    }

    private AppConnection connectionOf(long applicationId) {
        return connections.findById(applicationId).orElseGet(() -> {
            AppConnection created = new AppConnection();
            created.applicationId = applicationId;
            created.refreshTokenSealed = publishedApiKey(applicationId);
            return connections.save(created);
        });
    }
}
