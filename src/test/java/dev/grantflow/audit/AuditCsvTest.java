package dev.grantflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCsvTest {

    @Test
    void plainCellStaysAsIs() {
        assertThat(AuditCsv.cell("Ada Admin")).isEqualTo("Ada Admin");
    }

    @Test
    void emptyCellStaysEmpty() {
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void commaIsQuoted() {
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void doubleQuoteIsDoubled() {
        assertThat(AuditCsv.cell("say \"yes\"")).isEqualTo("\"say \"\"yes\"\"\"");
    }

    @Test
    void lineBreakIsQuoted() {
        assertThat(AuditCsv.cell("one\r\ntwo")).isEqualTo("\"one\r\ntwo\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tcmd"})
    void formulaStartGetsSingleQuote(String value) {
        assertThat(AuditCsv.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void formulaWithCommaIsNeutralizedInsideQuotes() {
        assertThat(AuditCsv.cell("=SUM(A1,A2)")).isEqualTo("\"'=SUM(A1,A2)\"");
    }

    @Test
    void formulaCharacterInsideCellStaysAsIs() {
        assertThat(AuditCsv.cell("a=b")).isEqualTo("a=b");
    }

    @Test
    void rowEndsWithCrlf() throws IOException {
        StringWriter out = new StringWriter();
        AuditEntry entry = new AuditEntry(7, Instant.parse("2025-03-04T05:06:07Z"), null, "Grantflow",
                AuditAction.PROVISIONING, AuditTargetType.ACCESS_REQUEST, "12", "CRM for Emma", AuditOutcome.SUCCESS, "Done");

        AuditCsv.writeRow(out, entry);

        assertThat(out.toString()).isEqualTo("2025-03-04T05:06:07Z,,Grantflow,PROVISIONING,ACCESS_REQUEST,12,CRM for Emma,SUCCESS,Done\r\n");
    }
}
