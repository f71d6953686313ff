package dev.grantflow.request.ui;

import com.vaadin.flow.component.html.Span;
import dev.grantflow.request.RequestStatus;
import java.util.Locale;

/**
 * A request status as a word in a coloured badge, so the colour is never the only signal.
 */
final class StatusBadge extends Span {

    StatusBadge(RequestStatus status) {
        super(status.displayName());
        addClassNames("status-badge", cssClass(status));
        getElement().setAttribute("role", "status");
    }

    private static String cssClass(RequestStatus status) {
        return switch (status) {
            case PENDING_APPROVAL -> "pending";
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }
}
