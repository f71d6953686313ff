package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.grantflow.provisioning.Credentials.OAuthRefresh;
import dev.grantflow.provisioning.Credentials.StaticBearer;

class RedactorTest {

    @Test
    void bearerTokenIsMasked() {
        String redacted = Redactor.redact("Authorization: Bearer 00D5g000004ABCD!AQ0AQH.x_y-z");

        assertThat(redacted).isEqualTo("Authorization: Bearer [REDACTED]");
    }

    @Test
    void jsonTokenFieldsAreMasked() {
        String redacted = Redactor.redact("{\"access_token\":\"00D!abc\",\"refresh_token\": \"5Aep861xyz\"}");

        assertThat(redacted).isEqualTo("{\"access_token\":\"[REDACTED]\",\"refresh_token\": \"[REDACTED]\"}");
    }

    @Test
    void formParametersAreMasked() {
        String redacted = Redactor.redact("grant_type=refresh_token&refresh_token=5Aep861xyz&client_secret=s3cr3t");

        assertThat(redacted).isEqualTo("grant_type=refresh_token&refresh_token=[REDACTED]&client_secret=[REDACTED]");
    }

    @Test
    void plainTextIsUnchanged() {
        String text = "userName alice@example.com is taken in another Salesforce org.";

        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void nullBecomesEmpty() {
        assertThat(Redactor.redact(null)).isEmpty();
    }

    @Test
    void credentialsToStringHidesSecrets() {
        OAuthRefresh oauth = new OAuthRefresh(java.net.URI.create("https://login.example.com/token"), "client",
                "very-secret");
        StaticBearer bearer = new StaticBearer("api-key-123");

        assertThat(oauth.toString()).doesNotContain("very-secret");
        assertThat(bearer.toString()).doesNotContain("api-key-123");
        assertThat(new CachedAccessToken("token-456", null).toString()).doesNotContain("token-456");
    }
}
