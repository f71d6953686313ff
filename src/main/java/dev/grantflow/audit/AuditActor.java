package dev.grantflow.audit;

import dev.grantflow.request.RequestProgress;
import org.jspecify.annotations.Nullable;

/**
 * The person who performed an audited action, or Grantflow itself, with the name at that moment.
 *
 * @param id the person's id, or null when Grantflow acted by itself
 */
public record AuditActor(@Nullable Long id, String name) {

    /** Returns the actor of steps Grantflow takes by itself, such as provisioning jobs. */
    public static AuditActor system() {
        return new AuditActor(null, RequestProgress.SYSTEM_ACTOR);
    }
}
