package dev.grantflow.audit.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import dev.grantflow.audit.AuditAction;
import dev.grantflow.audit.AuditEntry;
import dev.grantflow.audit.AuditFilter;
import dev.grantflow.audit.AuditOutcome;
import dev.grantflow.audit.AuditService;
import dev.grantflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.jspecify.annotations.Nullable;

/**
 * The audit log for admins: who did what to which application or request, and how it ended, filtered by
 * date, action, actor, target and outcome, with the filtered rows as a CSV download.
 */
@Route("admin/audit")
@PageTitle("Audit log | Grantflow")
@RolesAllowed(Roles.ADMIN)
class AuditView extends VerticalLayout {

    static final String EMPTY_LOG = "The audit log is empty. Saving or publishing an application, submitting or "
            + "deciding a request, and revoking or retrying access each add an entry here.";
    static final String NO_MATCHES = "No entries match these filters. Widen the date range or clear a filter.";

    // Dates in the filter and times in the grid use the server's time zone, while the CSV export uses UTC.
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZONE);

    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Select<AuditAction> action = new Select<>();
    final TextField actor = new TextField("Actor");
    final TextField target = new TextField("Target");
    final Select<AuditOutcome> outcome = new Select<>();
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Paragraph emptyState = new Paragraph();
    final Anchor export = new Anchor(this::writeCsv, "Export CSV");

    private final AuditService audit;
    // Volatile because the CSV download reads it on a request thread that does not hold the session lock.
    private volatile AuditFilter filter = AuditFilter.all();

    AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        export.setId("export-csv");
        emptyState.setId("audit-empty");
        configureFilters();
        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(from, to, action, actor, target, outcome, export);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit log"), filters, emptyState, grid);
        applyFilter();
    }

    private void configureFilters() {
        action.setLabel("Action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(value -> value == null ? "All actions" : value.displayName());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("All actions");
        outcome.setLabel("Outcome");
        outcome.setItems(AuditOutcome.values());
        outcome.setItemLabelGenerator(value -> value == null ? "All outcomes" : value.displayName());
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("All outcomes");
        actor.setPlaceholder("Name contains");
        target.setPlaceholder("Name contains, or id");
        for (TextField text : new TextField[] {actor, target}) {
            text.setClearButtonVisible(true);
            text.setValueChangeMode(ValueChangeMode.LAZY);
            text.addValueChangeListener(change -> applyFilter());
        }
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        from.addValueChangeListener(change -> {
            to.setMin(change.getValue());
            applyFilter();
        });
        to.addValueChangeListener(change -> {
            from.setMax(change.getValue());
            applyFilter();
        });
        action.addValueChangeListener(change -> applyFilter());
        outcome.addValueChangeListener(change -> applyFilter());
    }

    private void configureGrid() {
        grid.addColumn(entry -> TIME.format(entry.occurredAt())).setHeader("Time").setSortProperty("occurredAt")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actorName).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(entry -> entry.action().displayName()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(entry -> entry.targetType().displayName() + " " + entry.targetId() + ": " + entry.targetName())
                .setHeader("Target").setAutoWidth(true);
        grid.addColumn(entry -> entry.outcome().displayName()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(1);
        grid.setItems(DataProvider.fromCallbacks(
                (Query<AuditEntry, Void> query) -> audit.search(filter, VaadinSpringDataHelpers.toSpringPageRequest(query))
                        .stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter))));
        grid.setId("audit");
    }

    private void applyFilter() {
        LocalDate lastDay = to.getValue();
        Instant end = lastDay == null ? null : startOf(lastDay.plusDays(1));
        filter = new AuditFilter(startOf(from.getValue()), end, action.getValue(), actor.getValue(), target.getValue(),
                outcome.getValue());
        grid.getDataProvider().refreshAll();
        emptyState.setText(filter.matchesAll() ? EMPTY_LOG : NO_MATCHES);
        emptyState.setVisible(audit.count(filter) == 0);
    }

    /** Returns the first instant of the day in the server's time zone, or null for no day. */
    private static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZONE).toInstant();
    }

    private void writeCsv(DownloadEvent event) throws IOException {
        AuditFilter current = filter;
        event.setFileName("audit-log-" + LocalDate.now(ZONE) + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            audit.exportCsv(current, writer);
        }
    }
}
