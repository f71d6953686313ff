package dev.grantflow.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown for an address that names no page. In production mode Vaadin's access control also reports a
 * page the person may not open as not found, so the message covers both.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final Logger log = LoggerFactory.getLogger(NotFoundView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String path = event.getLocation().getPath();
        log.info("Page not found or not allowed, path={}", path);
        removeAll();
        add(new H2("Page not found"),
                new Paragraph("There is no page at /" + path + ", or you are not allowed to open it."),
                new Anchor("", "Go to the catalog"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
