package dev.grantflow.provisioning;

/**
 * Receives one {@link CallRecord} per HTTP call, so that the caller can attach the calls to an access request.
 * Grantflow calls it on the thread that made the call.
 */
@FunctionalInterface
public interface CallListener {

    /** Listener that drops every record. */
    CallListener NONE = record -> {
    };

    void onCall(CallRecord record);
}
