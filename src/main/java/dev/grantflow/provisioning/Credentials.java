package dev.grantflow.provisioning;

import java.net.URI;
import java.util.Objects;

/**
 * Credentials that Grantflow presents to a SCIM app. The {@code toString} of each variant hides the secret.
 */
public sealed interface Credentials {

    /**
     * Long-lived API key sent as the bearer token. Grantflow cannot refresh it.
     */
    record StaticBearer(String apiKey) implements Credentials {

        public StaticBearer {
            requireText(apiKey, "apiKey");
        }

        @Override
        public String toString() {
            return "StaticBearer[apiKey=" + Redactor.MASK + "]";
        }
    }

    /**
     * OAuth 2.0 client that exchanges a refresh token for access tokens at {@code tokenUri}. The refresh token
     * itself lives in the {@link TokenStore} because the token endpoint may rotate it.
     */
    record OAuthRefresh(URI tokenUri, String clientId, String clientSecret) implements Credentials {

        public OAuthRefresh {
            Objects.requireNonNull(tokenUri, "tokenUri");
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "OAuthRefresh[tokenUri=" + tokenUri + ", clientId=" + clientId
                    + ", clientSecret=" + Redactor.MASK + "]";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing. Enter it in the app's connection settings.");
        }
    }
}
