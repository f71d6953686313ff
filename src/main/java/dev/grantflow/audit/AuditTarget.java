package dev.grantflow.audit;

/**
 * The object an audited action was about, with the name it had at that moment.
 */
public record AuditTarget(AuditTargetType type, String id, String name) {

    public static AuditTarget application(long applicationId, String name) {
        return new AuditTarget(AuditTargetType.APPLICATION, String.valueOf(applicationId), name);
    }

    public static AuditTarget request(long requestId, String name) {
        return new AuditTarget(AuditTargetType.ACCESS_REQUEST, String.valueOf(requestId), name);
    }
}
