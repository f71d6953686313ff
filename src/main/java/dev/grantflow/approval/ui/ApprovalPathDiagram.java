package dev.grantflow.approval.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import dev.grantflow.approval.ApprovalService;
import dev.grantflow.request.ui.RequestPathDiagram;
import dev.grantflow.security.SignedInPerson;
import java.util.Optional;

/**
 * The request page's diagram of the approval process, drawn as inline SVG on the server.
 */
@org.springframework.stereotype.Component
class ApprovalPathDiagram implements RequestPathDiagram {

    private final ApprovalService approvals;

    ApprovalPathDiagram(ApprovalService approvals) {
        this.approvals = approvals;
    }

    @Override
    public Optional<Component> diagram(long requestId, SignedInPerson viewer) {
        return approvals.approvalPath(requestId, viewer).map(path -> {
            Svg svg = new Svg(ApprovalPathSvg.render(path));
            svg.setId("approval-path");
            svg.addClassName("approval-path");
            return svg;
        });
    }
}
