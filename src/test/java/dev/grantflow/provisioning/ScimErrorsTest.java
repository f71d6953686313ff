package dev.grantflow.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.grantflow.provisioning.Credentials.StaticBearer;
import dev.grantflow.provisioning.ProvisioningException.Kind;

class ScimErrorsTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ScimTarget TARGET = new ScimTarget("sf", TargetKind.SALESFORCE,
            URI.create("https://example.my.salesforce.com/services/scim/v2"), "00e5g000001AbCdEAA",
            new StaticBearer("key"));

    @Test
    void scimErrorResponseWithSalesforceCodeNamesProfile() {
        ProvisioningException failure = classify(400, "{\"schemas\":[\"" + ErrorResponse.SCHEMA + "\"],"
                + "\"status\":\"400\",\"scimType\":\"invalidValue\","
                + "\"detail\":\"INVALID_CROSS_REFERENCE_KEY: invalid profile id 00e5g000001AbCdEAA\"}");

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.errorCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(failure.getMessage()).startsWith("Salesforce rejected profile id 00e5g000001AbCdEAA");
    }

    @Test
    void salesforceArrayRequestLimitIsTransient() {
        ProvisioningException failure = classify(403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]");

        assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        assertThat(failure.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    }

    @Test
    void otherForbiddenIsPermanent() {
        ProvisioningException failure = classify(403,
                "[{\"message\":\"Insufficient access\",\"errorCode\":\"INSUFFICIENT_ACCESS\"}]");

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void errorsArrayDetailIsKept() {
        ProvisioningException failure = classify(400,
                "{\"Errors\":[{\"description\":\"Attribute 'emails' is required\",\"code\":400}]}");

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.remoteDetail()).isEqualTo("Attribute 'emails' is required");
        assertThat(failure.getMessage()).contains("Attribute 'emails' is required");
    }

    @Test
    void licenseLimitIsPermanent() {
        ProvisioningException failure = classify(400,
                "[{\"message\":\"No more licenses\",\"errorCode\":\"LICENSE_LIMIT_EXCEEDED\"}]");

        assertThat(failure.kind()).isEqualTo(Kind.PERMANENT);
        assertThat(failure.getMessage()).contains("no free user license for profile 00e5g000001AbCdEAA");
    }

    @Test
    void tooManyRequestsIsTransient() {
        assertThat(classify(429, null).kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void serverErrorIsTransient() {
        assertThat(classify(500, "{\"detail\":\"boom\"}").kind()).isEqualTo(Kind.TRANSIENT);
    }

    @Test
    void notFoundIsPermanent() {
        assertThat(classify(404, null).kind()).isEqualTo(Kind.PERMANENT);
    }

    @Test
    void conflictIsUniquenessConflict() {
        ProvisioningException failure = classify(409, null);

        assertThat(failure.errorCode()).isEqualTo("uniqueness");
        assertThat(ScimErrors.isUniquenessConflict(failure)).isTrue();
    }

    @Test
    void badRequestWithUniquenessScimTypeIsUniquenessConflict() {
        ProvisioningException failure = classify(400, "{\"scimType\":\"uniqueness\",\"detail\":\"exists\"}");

        assertThat(ScimErrors.isUniquenessConflict(failure)).isTrue();
    }

    private static ProvisioningException classify(int status, String json) {
        JsonNode body = json == null ? null : MAPPER.readTree(json);
        return ScimErrors.fromStatus(TARGET, "POST /Users", status, body);
    }
}
