package dev.grantflow.provisioning;

/** Records connect outcomes for view tests outside this package, as the callback would. */
public final class ConnectOutcomesAccess {

    private ConnectOutcomesAccess() {
    }

    public static void put(ConnectOutcomes outcomes, long adminId, long applicationId, ConnectOutcome outcome) {
        outcomes.put(adminId, applicationId, outcome);
    }
}
