package dev.grantflow.approval;

import java.util.Arrays;
import java.util.Optional;

/**
 * The approval stages of the access-request process, by the id of their user task.
 */
public enum ApprovalStage {

    MANAGER("managerApproval", "Manager"),
    APPLICATION_OWNER("ownerApproval", "Application owner");

    private final String taskKey;
    private final String displayName;

    ApprovalStage(String taskKey, String displayName) {
        this.taskKey = taskKey;
        this.displayName = displayName;
    }

    String taskKey() {
        return taskKey;
    }

    public String displayName() {
        return displayName;
    }

    static Optional<ApprovalStage> ofTaskKey(String taskKey) {
        return Arrays.stream(values()).filter(stage -> stage.taskKey.equals(taskKey)).findFirst();
    }
}
