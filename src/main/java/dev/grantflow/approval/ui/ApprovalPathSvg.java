package dev.grantflow.approval.ui;

import dev.grantflow.approval.ApprovalPath;
import dev.grantflow.approval.ApprovalPath.Flow;
import dev.grantflow.approval.ApprovalPath.Point;
import dev.grantflow.approval.ApprovalPath.Step;
import dev.grantflow.approval.ApprovalPath.StepState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders an approval path as SVG markup. Every state is written as a word too (inside task boxes, and in
 * each shape's title), so colour is never the only signal. All text from the model is escaped.
 */
final class ApprovalPathSvg {

    private static final double MARGIN = 24;
    // Event labels are centred under their circle and wider than it.
    private static final double SIDE_MARGIN = 56;
    private static final double LABEL_SPACE = 26;
    private static final int MAX_LINE_LENGTH = 14;

    private ApprovalPathSvg() {
    }

    static String render(ApprovalPath path) {
        double minX = path.steps().stream().mapToDouble(Step::x).min().orElse(0) - SIDE_MARGIN;
        double minY = Math.min(path.steps().stream().mapToDouble(Step::y).min().orElse(0),
                path.flows().stream().flatMap(flow -> flow.waypoints().stream()).mapToDouble(Point::y).min().orElse(0)) - MARGIN;
        double maxX = path.steps().stream().mapToDouble(step -> step.x() + step.width()).max().orElse(0) + SIDE_MARGIN;
        double maxY = path.steps().stream().mapToDouble(step -> step.y() + step.height()).max().orElse(0) + LABEL_SPACE;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.0f %.0f %.0f %.0f\""
                + " role=\"img\" aria-label=\"%s\" font-family=\"sans-serif\">", minX, minY, maxX - minX, maxY - minY,
                escape(summary(path))));
        svg.append("<defs>").append(marker("arrow-taken", "#1e6b34")).append(marker("arrow", "#8a8f98")).append("</defs>");
        path.flows().forEach(flow -> svg.append(flow(flow)));
        path.steps().forEach(step -> svg.append(step(step)));
        return svg.append("</svg>").toString();
    }

    private static String summary(ApprovalPath path) {
        return "Approval path: " + path.steps().stream()
                .filter(step -> step.kind() != ApprovalPath.StepKind.GATEWAY)
                .map(step -> step.name() + " " + word(step.state()))
                .collect(Collectors.joining(", "));
    }

    private static String marker(String id, String colour) {
        return "<marker id=\"" + id + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
                + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"" + colour + "\"/></marker>";
    }

    private static String flow(Flow flow) {
        if (flow.waypoints().size() < 2) {
            return "";
        }
        String points = flow.waypoints().stream()
                .map(point -> String.format(Locale.ROOT, "%.1f,%.1f", point.x(), point.y()))
                .collect(Collectors.joining(" "));
        String stroke = flow.taken() ? "stroke=\"#1e6b34\" stroke-width=\"2.5\"" : "stroke=\"#8a8f98\" stroke-width=\"1.5\"";
        return "<polyline points=\"" + points + "\" fill=\"none\" " + stroke + " marker-end=\"url(#"
                + (flow.taken() ? "arrow-taken" : "arrow") + ")\"/>";
    }

    private static String step(Step step) {
        Style style = Style.of(step.state());
        String title = "<title>" + escape(step.name() + ": " + word(step.state())) + "</title>";
        String shape = switch (step.kind()) {
            case EVENT -> String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>",
                    step.x() + step.width() / 2, step.y() + step.height() / 2, step.width() / 2, style.shape());
            case GATEWAY -> String.format(Locale.ROOT, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" %s/>",
                    step.x() + step.width() / 2, step.y(), step.x() + step.width(), step.y() + step.height() / 2,
                    step.x() + step.width() / 2, step.y() + step.height(), step.x(), step.y() + step.height() / 2, style.shape());
            case TASK -> String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"8\" %s/>",
                    step.x(), step.y(), step.width(), step.height(), style.shape());
        };
        return "<g class=\"step " + step.state().name().toLowerCase(Locale.ROOT) + "\" data-step=\"" + escape(step.id())
                + "\">" + title + shape + label(step, style) + "</g>";
    }

    private static String label(Step step, Style style) {
        double centre = step.x() + step.width() / 2;
        return switch (step.kind()) {
            case EVENT -> text(centre, step.y() + step.height() + 16, 13, style.text(), step.name());
            case GATEWAY -> "";
            case TASK -> {
                List<String> lines = wrap(step.name());
                StringBuilder label = new StringBuilder();
                double top = step.y() + step.height() / 2 - 8 * lines.size() - 2;
                for (int i = 0; i < lines.size(); i++) {
                    label.append(text(centre, top + 15 * i + 12, 14, style.text(), lines.get(i)));
                }
                yield label.append(text(centre, step.y() + step.height() - 5, 11, style.text(), word(step.state()))).toString();
            }
        };
    }

    private static String text(double x, double y, int size, String colour, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"middle\">%s</text>",
                x, y, size, colour, escape(content));
    }

    /** Splits a name into lines of at most 14 characters at spaces; a longer word gets a line of its own. */
    private static List<String> wrap(String name) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : name.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > MAX_LINE_LENGTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    static String word(StepState state) {
        return switch (state) {
            case COMPLETED -> "completed";
            case CURRENT -> "current";
            case PENDING -> "pending";
            case SKIPPED -> "skipped";
        };
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    /** Fill and stroke of a shape and the colour of its text; every text colour has 4.5:1 contrast or more. */
    private record Style(String shape, String text) {

        static Style of(StepState state) {
            return switch (state) {
                case COMPLETED -> new Style("fill=\"#e3f4e7\" stroke=\"#1e6b34\" stroke-width=\"2\"", "#14532d");
                case CURRENT -> new Style("fill=\"#dbe8ff\" stroke=\"#1a56c4\" stroke-width=\"3.5\"", "#0b2f6e");
                case PENDING -> new Style("fill=\"#ffffff\" stroke=\"#6b7280\" stroke-width=\"1.5\"", "#1f2937");
                case SKIPPED -> new Style("fill=\"#f3f4f6\" stroke=\"#9ca3af\" stroke-width=\"1.5\" stroke-dasharray=\"5 4\"",
                        "#4b5563");
            };
        }
    }
}
