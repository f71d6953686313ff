package dev.grantflow.provisioning;

import dev.grantflow.security.SignedInPerson;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records every SCIM and token call of a request, and shows the record to admins. Each call is stored
 * in its own transaction, so the log keeps the calls of an attempt that failed and rolled back.
 */
@Service
public class ProvisioningLog {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningLog.class);
    private static final int MAX_PATH = 1000;
    private static final int MAX_MESSAGE = 2000;

    private final ProvisioningCallRepository calls;
    private final TransactionTemplate ownTransaction;

    ProvisioningLog(ProvisioningCallRepository calls, PlatformTransactionManager transactions) {
        this.calls = calls;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Returns a listener that stores each call under the request and logs one line for it. */
    CallListener forRequest(long requestId) {
        return call -> {
            log.info("SCIM call, requestId={} method={} path={} status={} durationMs={} errorCode={}",
                    requestId, call.method(), call.path(), call.status(), call.duration().toMillis(), call.errorCode());
            ownTransaction.executeWithoutResult(status -> calls.save(toEntity(requestId, call)));
        };
    }

    /** Returns the calls of a request, oldest first; admins only. */
    public List<LoggedCall> calls(long requestId, SignedInPerson viewer) {
        if (!viewer.admin()) {
            log.warn("Denied reading a provisioning log, personId={} requestId={}", viewer.personId(), requestId);
            throw new AccessDeniedException("Only admins can read the provisioning log.");
        }
        return calls.findByRequestIdOrderByCalledAtAscIdAsc(requestId).stream()
                .map(call -> new LoggedCall(call.calledAt, call.method, call.path, call.status, call.durationMs,
                        call.errorCode, call.message))
                .toList();
    }

    private static ProvisioningCall toEntity(long requestId, CallRecord record) {
        ProvisioningCall call = new ProvisioningCall();
        call.requestId = requestId;
        call.calledAt = record.at();
        call.method = record.method();
        call.path = cut(record.path(), MAX_PATH);
        call.status = record.status();
        call.durationMs = record.duration().toMillis();
        call.errorCode = record.errorCode() == null ? null : cut(record.errorCode(), 100);
        call.message = cut(record.message(), MAX_MESSAGE);
        return call;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
