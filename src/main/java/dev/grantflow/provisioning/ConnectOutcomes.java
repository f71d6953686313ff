package dev.grantflow.provisioning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Holds the outcome of each admin's last connect attempt per application until the connection view shows it.
 *
 * <p>NOTE: outcomes live in this JVM's memory. With several Grantflow instances, the view shows an outcome
 * only when the callback and the view reach the same instance, as Vaadin's sticky sessions arrange.
 */
@Component
public class ConnectOutcomes {

    private final Map<Key, ConnectOutcome> outcomes = new ConcurrentHashMap<>();

    void put(long adminId, long applicationId, ConnectOutcome outcome) {
        outcomes.put(new Key(adminId, applicationId), outcome);
    }

    boolean contains(long adminId, long applicationId) {
        return outcomes.containsKey(new Key(adminId, applicationId));
    }

    /** Removes and returns the admin's last outcome for the application. */
    public Optional<ConnectOutcome> take(long adminId, long applicationId) {
        return Optional.ofNullable(outcomes.remove(new Key(adminId, applicationId)));
    }

    private record Key(long adminId, long applicationId) {
    }
}
