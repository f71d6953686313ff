package dev.grantflow.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.util.unit.DataSize;

import dev.grantflow.provisioning.Credentials.OAuthRefresh;

/**
 * Targets, settings and a recording listener shared by the tests against {@link FakeScimServer}.
 */
final class TestTargets {

    static final String APP = "salesforce-test";
    static final String PROFILE = "00e5g000001AbCdEAA";
    static final String GROUP = "group-1";

    private TestTargets() {
    }

    static ScimTarget salesforce(FakeScimServer server) {
        return new ScimTarget(APP, TargetKind.SALESFORCE, server.scimBase(), PROFILE, oauth(server));
    }

    static ScimTarget generic(FakeScimServer server) {
        return new ScimTarget("generic-test", TargetKind.GENERIC_SCIM, server.scimBase(), GROUP, oauth(server));
    }

    static OAuthRefresh oauth(FakeScimServer server) {
        return new OAuthRefresh(server.tokenUri(), FakeScimServer.CLIENT_ID, FakeScimServer.CLIENT_SECRET);
    }

    /** Settings with a generous read timeout, so that a loaded build machine does not cause timeouts. */
    static ProvisioningProperties properties() {
        return properties(Duration.ofSeconds(20));
    }

    static ProvisioningProperties properties(Duration readTimeout) {
        return new ProvisioningProperties(Duration.ofSeconds(5), readTimeout, DataSize.ofKilobytes(64), 10,
                ProvisioningProperties.Retry.defaults());
    }

    /** Listener that keeps every record it receives. */
    static final class RecordingListener implements CallListener {

        final List<CallRecord> records = new CopyOnWriteArrayList<>();

        @Override
        public void onCall(CallRecord record) {
            records.add(record);
        }

        /** Returns every text field of every record, for checks that no secret leaked. */
        List<String> texts() {
            List<String> texts = new ArrayList<>();
            for (CallRecord record : records) {
                texts.add(record.toString());
            }
            return texts;
        }
    }
}
