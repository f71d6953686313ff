package dev.grantflow.directory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Walks reporting lines, so every path that sets a manager refuses the same loops.
 */
final class ManagerChains {

    private ManagerChains() {
    }

    /**
     * Returns the managers from {@code managerId} up to {@code personId} when making {@code managerId} the manager
     * of {@code personId} would close a loop, or empty when it would not.
     */
    static Optional<List<Person>> loopThrough(long personId, long managerId, LongFunction<Person> lookup) {
        List<Person> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Long current = managerId;
        while (current != null && seen.add(current)) {
            Person manager = lookup.apply(current);
            chain.add(manager);
            if (current == personId) {
                return Optional.of(chain);
            }
            current = manager.getManagerId();
        }
        return Optional.empty();
    }
}
