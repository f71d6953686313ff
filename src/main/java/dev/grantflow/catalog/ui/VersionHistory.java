package dev.grantflow.catalog.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.grantflow.catalog.VersionSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The published versions of an application, newest first: who published each, when, and what changed.
 */
class VersionHistory extends Details {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    VersionHistory(List<VersionSummary> versions) {
        setSummaryText("Version history (" + versions.size() + ")");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        if (versions.isEmpty()) {
            content.add(new Paragraph("Not published yet. Publish makes the draft live as version 1."));
        }
        for (VersionSummary version : versions) {
            UnorderedList changes = new UnorderedList();
            version.changes().forEach(change -> changes.add(new ListItem(change)));
            content.add(new Paragraph("Version " + version.version() + ", published by " + version.publishedBy()
                    + " on " + TIME.format(version.publishedAt())), changes);
        }
        add(content);
        setId("version-history");
    }
}
