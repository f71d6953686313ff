package dev.grantflow.approval;

import java.util.Arrays;
import java.util.List;

/**
 * Names shared with processes/access-request.bpmn20.xml: the process key, its variables and its steps.
 */
final class AccessRequestProcess {

    static final String KEY = "accessRequest";
    static final String PROVISION_STEP = "provisionAccount";

    /** Candidate group of approval tasks that have no approver of their own. */
    static final String ADMINS_GROUP = "admins";

    static final String REQUEST_ID = "requestId";
    static final String REQUESTER_ID = "requesterId";
    static final String REQUIRES_MANAGER = "requiresManager";
    static final String REQUIRES_OWNER = "requiresOwner";
    static final String APPROVED = "approved";

    static final List<String> APPROVAL_TASK_KEYS = Arrays.stream(ApprovalStage.values()).map(ApprovalStage::taskKey).toList();

    private AccessRequestProcess() {
    }
}
