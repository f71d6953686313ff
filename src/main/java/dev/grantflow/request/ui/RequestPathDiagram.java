package dev.grantflow.request.ui;

import com.vaadin.flow.component.Component;
import dev.grantflow.security.SignedInPerson;
import java.util.Optional;

/**
 * Draws a request's approval path on the request page. The approval feature implements it as a bean, so the
 * request feature shows the diagram without depending on the approval feature.
 */
public interface RequestPathDiagram {

    /** Returns the diagram for a request the viewer may see, or empty when there is nothing to draw. */
    Optional<Component> diagram(long requestId, SignedInPerson viewer);
}
