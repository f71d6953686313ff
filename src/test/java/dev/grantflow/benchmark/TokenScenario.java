package dev.grantflow.benchmark;

import dev.grantflow.catalog.ApproverType;
import dev.grantflow.directory.Person;
import dev.grantflow.sandbox.SandboxOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scenario 3: token refreshes. After the sandbox expires every access token, a batch of provisioning jobs
 * submitted at once must refresh exactly once. Afterwards, provisionings that make {@code tokenCalls} SCIM
 * calls with the working token must not refresh at all.
 */
final class TokenScenario {

    static final String NAME = "3. Token economy";

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private final BenchmarkApp app;
    private final BenchmarkSettings settings;

    TokenScenario(BenchmarkApp app, BenchmarkSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    List<Figure> run() {
        Person admin = app.admin();
        int workingTokenRequests = Math.ceilDiv(settings.tokenCalls(), 2);
        List<Double> expiredRefreshes = new ArrayList<>();
        List<Double> rejectedLookups = new ArrayList<>();
        List<Double> workingRefreshes = new ArrayList<>();
        List<Double> workingCalls = new ArrayList<>();
        for (int run = 1; run <= settings.runs(); run++) {
            app.sandbox.reset();
            long applicationId = app.publishSandboxApplication(ApproverType.NONE, admin);
            List<Person> people = app.people("Token Requester", 1 + settings.tokenJobs() + workingTokenRequests, null);
            submit(applicationId, people.subList(0, 1));
            app.awaitProvisioned(applicationId, 1, RUN_TIMEOUT);

            app.sandbox.expireAllAccessTokens();
            int tokensBefore = app.sandbox.tokenRefreshCount();
            int lookupsBefore = app.sandbox.requestCount(SandboxOperation.LIST_USERS);
            // One transaction, so that all jobs reach the executor together when it commits.
            app.transactions.executeWithoutResult(status -> submit(applicationId, people.subList(1, 1 + settings.tokenJobs())));
            app.awaitProvisioned(applicationId, 1 + settings.tokenJobs(), RUN_TIMEOUT);
            expiredRefreshes.add((double) app.sandbox.tokenRefreshCount() - tokensBefore);
            rejectedLookups.add((double) app.sandbox.requestCount(SandboxOperation.LIST_USERS) - lookupsBefore
                    - settings.tokenJobs());

            int refreshesBefore = app.sandbox.tokenRefreshCount();
            int callsBefore = scimCalls();
            submit(applicationId, people.subList(1 + settings.tokenJobs(), people.size()));
            app.awaitProvisioned(applicationId, people.size(), RUN_TIMEOUT);
            workingRefreshes.add((double) app.sandbox.tokenRefreshCount() - refreshesBefore);
            workingCalls.add((double) scimCalls() - callsBefore);
            BenchmarkRunner.progress("token run %d: %.0f refresh(es) after expiry, %.0f with a working token over %.0f calls",
                    run, expiredRefreshes.getLast(), workingRefreshes.getLast(), workingCalls.getLast());
        }
        return List.of(
                Figure.of(NAME, "refreshes, " + settings.tokenJobs() + " jobs after expiry", 0, expiredRefreshes)
                        .targetEveryRun("exactly 1", count -> count == 1)
                        .note("jobs submitted in one transaction, and the executor runs as many at once as it has threads"),
                Figure.of(NAME, "lookups rejected with 401 and retried", 0, rejectedLookups)
                        .note("jobs that started with the expired token"),
                Figure.of(NAME, "refreshes, working token", 0, workingRefreshes)
                        .targetEveryRun("0", count -> count == 0),
                Figure.of(NAME, "SCIM calls with the working token", 0, workingCalls));
    }

    private void submit(long applicationId, List<Person> requesters) {
        for (Person requester : requesters) {
            app.requests.submit(requester.getId(), applicationId, "Benchmark tokens");
        }
    }

    private int scimCalls() {
        return Arrays.stream(SandboxOperation.values())
                .filter(SandboxOperation.SCIM_ANY::matches)
                .mapToInt(app.sandbox::requestCount)
                .sum();
    }
}
