package dev.grantflow.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Injected faults in the order they were queued, each with the number of requests it still applies to. */
final class SandboxFaultQueue {

    private final List<PendingFault> pending = new ArrayList<>(); // guarded by this

    synchronized void add(SandboxFault... faults) {
        for (SandboxFault fault : faults) {
            pending.add(new PendingFault(fault));
        }
    }

    /**
     * Removes one use of the first queued fault that matches {@code request} and returns its effect.
     * A fault leaves the queue when its last use is taken.
     */
    synchronized Optional<SandboxFault.Effect> take(SandboxOperation request) {
        Iterator<PendingFault> iterator = pending.iterator();
        while (iterator.hasNext()) {
            PendingFault candidate = iterator.next();
            if (candidate.fault.operation().matches(request)) {
                candidate.remaining--;
                if (candidate.remaining == 0) {
                    iterator.remove();
                }
                return Optional.of(candidate.fault.effect());
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        pending.clear();
    }

    private static final class PendingFault {

        private final SandboxFault fault;
        private int remaining;

        private PendingFault(SandboxFault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }
}
