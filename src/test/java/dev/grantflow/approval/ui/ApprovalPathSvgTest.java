package dev.grantflow.approval.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.grantflow.approval.ApprovalPath;
import dev.grantflow.approval.ApprovalPath.Flow;
import dev.grantflow.approval.ApprovalPath.Point;
import dev.grantflow.approval.ApprovalPath.Step;
import dev.grantflow.approval.ApprovalPath.StepKind;
import dev.grantflow.approval.ApprovalPath.StepState;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server-side SVG of an approval path: escaping of model text, states as words, and taken flows.
 */
class ApprovalPathSvgTest {

    private static final ApprovalPath PATH = new ApprovalPath(
            List.of(new Step("start", "Start", StepKind.EVENT, StepState.COMPLETED, 0, 0, 30, 30),
                    new Step("review", "Review <b>\"A&B\"</b>", StepKind.TASK, StepState.CURRENT, 80, -15, 110, 60),
                    new Step("done", "Done", StepKind.EVENT, StepState.PENDING, 240, 0, 30, 30)),
            List.of(new Flow("toReview", List.of(new Point(30, 15), new Point(80, 15)), true),
                    new Flow("toDone", List.of(new Point(190, 15), new Point(240, 15)), false)));

    @Test
    void svgEscapesStepNames() {
        String svg = ApprovalPathSvg.render(PATH);

        assertThat(svg).doesNotContain("<b>");
        assertThat(svg).contains("&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;");
    }

    @Test
    void svgWritesStatesAsWords() {
        String svg = ApprovalPathSvg.render(PATH);

        assertThat(svg).contains("<title>Start: completed</title>");
        assertThat(svg).contains(">current</text>");
        assertThat(svg).contains("aria-label=\"Approval path: Start completed, ");
        assertThat(svg).contains("data-step=\"review\"");
        assertThat(svg).contains("class=\"step current\"");
    }

    @Test
    void svgMarksTakenFlows() {
        String svg = ApprovalPathSvg.render(PATH);

        assertThat(svg).contains("points=\"30.0,15.0 80.0,15.0\" fill=\"none\" stroke=\"#1e6b34\"");
        assertThat(svg).contains("points=\"190.0,15.0 240.0,15.0\" fill=\"none\" stroke=\"#8a8f98\"");
    }
}
