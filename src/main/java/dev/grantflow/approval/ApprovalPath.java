package dev.grantflow.approval;

import java.util.List;

/**
 * The steps and flows of one request's approval process as the BPMN diagram draws them, each step with how
 * far the request got. Coordinates are the diagram's own (BPMN DI), in pixels from its top left corner.
 */
public record ApprovalPath(List<Step> steps, List<Flow> flows) {

    public ApprovalPath {
        steps = List.copyOf(steps);
        flows = List.copyOf(flows);
    }

    /** How far the request got at a step. SKIPPED steps were not taken by a process that has ended. */
    public enum StepState {
        COMPLETED,
        CURRENT,
        PENDING,
        SKIPPED
    }

    /** The BPMN shape a step is drawn as. */
    public enum StepKind {
        EVENT,
        TASK,
        GATEWAY
    }

    public record Step(String id, String name, StepKind kind, StepState state, double x, double y, double width,
                       double height) {
    }

    public record Point(double x, double y) {
    }

    /** A sequence flow with its waypoints; taken is true once the process went along it. */
    public record Flow(String id, List<Point> waypoints, boolean taken) {

        public Flow {
            waypoints = List.copyOf(waypoints);
        }
    }
}
