package dev.grantflow.approval;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Names shared with the BPMN files in processes/: process keys, variables and steps.
 */
final class AccessRequestProcess {

    static final String KEY = "accessRequest";
    static final String PROVISION_STEP = "provisionAccount";

    static final String REVOCATION_KEY = "accessRevocation";
    static final String DEACTIVATE_STEP = "deactivateAccount";

    /** Asynchronous steps that call the target application, whose failures follow the provisioning retry policy. */
    static final Set<String> TARGET_STEPS = Set.of(PROVISION_STEP, DEACTIVATE_STEP);

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
