package dev.grantflow.approval;

import dev.grantflow.approval.ApprovalPath.Flow;
import dev.grantflow.approval.ApprovalPath.Point;
import dev.grantflow.approval.ApprovalPath.Step;
import dev.grantflow.approval.ApprovalPath.StepKind;
import dev.grantflow.approval.ApprovalPath.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.history.HistoricActivityInstance;
import org.flowable.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Reads a request's approval path from the process history and the diagram information of its process
 * definition.
 */
@Component
class ApprovalPathReader {

    private static final String SEQUENCE_FLOW = "sequenceFlow";

    private final HistoryService history;
    private final RepositoryService repository;

    ApprovalPathReader(HistoryService history, RepositoryService repository) {
        this.history = history;
        this.repository = repository;
    }

    /** Returns the path of the request's access-request process, or empty when the request has none. */
    Optional<ApprovalPath> read(long requestId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AccessRequestProcess.KEY)
                .processInstanceBusinessKey(String.valueOf(requestId))
                .singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        List<HistoricActivityInstance> activities = history.createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .list();
        Set<String> taken = activities.stream().filter(activity -> SEQUENCE_FLOW.equals(activity.getActivityType()))
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        Set<String> completed = activities.stream().filter(activity -> activity.getEndTime() != null)
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        Set<String> current = activities.stream().filter(activity -> activity.getEndTime() == null)
                .map(HistoricActivityInstance::getActivityId).collect(Collectors.toSet());
        StepState notReached = instance.getEndTime() == null ? StepState.PENDING : StepState.SKIPPED;

        BpmnModel model = repository.getBpmnModel(instance.getProcessDefinitionId());
        List<Step> steps = new ArrayList<>();
        List<Flow> flows = new ArrayList<>();
        for (FlowElement element : model.getMainProcess().getFlowElements()) {
            if (element instanceof SequenceFlow flow) {
                flows.add(new Flow(flow.getId(), waypoints(model, flow.getId()), taken.contains(flow.getId())));
            } else if (element instanceof FlowNode node && model.getGraphicInfo(node.getId()) != null) {
                StepState state = notReached;
                if (current.contains(node.getId())) {
                    state = StepState.CURRENT;
                } else if (completed.contains(node.getId())) {
                    state = StepState.COMPLETED;
                }
                steps.add(step(node, state, model.getGraphicInfo(node.getId())));
            }
        }
        return Optional.of(new ApprovalPath(steps, flows));
    }

    private static Step step(FlowNode node, StepState state, GraphicInfo shape) {
        StepKind kind = StepKind.TASK;
        if (node instanceof Event) {
            kind = StepKind.EVENT;
        } else if (node instanceof Gateway) {
            kind = StepKind.GATEWAY;
        }
        String name = node.getName() == null ? node.getId() : node.getName();
        return new Step(node.getId(), name, kind, state, shape.getX(), shape.getY(), shape.getWidth(), shape.getHeight());
    }

    private static List<Point> waypoints(BpmnModel model, String flowId) {
        List<GraphicInfo> points = model.getFlowLocationGraphicInfo(flowId);
        return points == null ? List.of() : points.stream().map(point -> new Point(point.getX(), point.getY())).toList();
    }
}
