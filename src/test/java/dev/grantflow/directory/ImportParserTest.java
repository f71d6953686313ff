package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ImportParserTest {

    private static final String HEADER = "email,display name,manager email,roles\n";

    private final ImportParser parser = new ImportParser(new DirectoryProperties(3, DataSize.ofBytes(200)));

    @Test
    void validRowBecomesImportRow() {
        ImportParser.Result result = parse(HEADER + "Ann@Example.com, Ann Lee ,boss@example.com,ADMIN\n");

        assertThat(result.rows()).containsExactly(
                new ImportRow(2, "ann@example.com", new PersonValues("Ann Lee", "boss@example.com", true)));
        assertThat(result.rejections()).isEmpty();
    }

    @Test
    void headerMatchesInAnyCaseAndOrder() {
        ImportParser.Result result = parse("Roles,EMAIL,Manager Email,Display Name\r\n,ann@example.com,,Ann Lee\r\n");

        assertThat(result.rows()).containsExactly(new ImportRow(2, "ann@example.com", new PersonValues("Ann Lee", null, false)));
    }

    @Test
    void missingHeaderRejectsFile() {
        ImportParser.Result result = parse("ann@example.com,Ann Lee,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(1);
            assertThat(rejection.reason()).contains("must be the header email,display name,manager email,roles");
        });
    }

    @Test
    void emptyFileIsRejected() {
        assertThat(parse("").rejections()).singleElement()
                .extracting(ImportRejection::reason).asString().startsWith("The file is empty.");
    }

    @Test
    void wrongColumnCountRejectsRow() {
        ImportParser.Result result = parse(HEADER + "ann@example.com,Lee, Ann,,\n");

        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(2);
            assertThat(rejection.reason()).contains("has 5 columns, but the header has 4");
        });
    }

    @Test
    void unknownRoleRejectsRow() {
        ImportParser.Result result = parse(HEADER + "ann@example.com,Ann Lee,,SUPERUSER\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).singleElement().extracting(ImportRejection::reason).asString()
                .contains("Role \"SUPERUSER\" is unknown");
    }

    @Test
    void approverRoleIsRejectedWithReason() {
        ImportParser.Result result = parse(HEADER + "ann@example.com,Ann Lee,,APPROVER\n");

        assertThat(result.rejections()).singleElement().extracting(ImportRejection::reason).asString()
                .contains("managers and application owners");
    }

    @Test
    void severalRolesSeparatedBySemicolon() {
        ImportParser.Result result = parse(HEADER + "ann@example.com,Ann Lee,,requester; admin\n");

        assertThat(result.rows()).singleElement().extracting(row -> row.values().admin()).isEqualTo(true);
    }

    @Test
    void blankLinesAreSkipped() {
        ImportParser.Result result = parse(HEADER + "\nann@example.com,Ann Lee,,\n\n");

        assertThat(result.rows()).extracting(ImportRow::line).containsExactly(3);
    }

    @Test
    void tooManyRowsRejectsFile() {
        ImportParser.Result result = parse(HEADER + "a@x.io,A,,\nb@x.io,B,,\nc@x.io,C,,\nd@x.io,D,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.line()).isEqualTo(5);
            assertThat(rejection.reason()).contains("more than 3 data rows");
        });
    }

    @Test
    void tooManyBytesRejectsFile() {
        ImportParser.Result result = parse(HEADER + "ann@example.com," + "A".repeat(200) + ",,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).singleElement().extracting(ImportRejection::reason).asString()
                .contains("larger than 200 bytes");
    }

    @Test
    void unclosedQuoteRejectsFile() {
        ImportParser.Result result = parse(HEADER + "ann@example.com,\"Ann Lee,,\n");

        assertThat(result.rows()).isEmpty();
        assertThat(result.rejections()).singleElement().extracting(ImportRejection::line).isEqualTo(2);
    }

    @Test
    void invalidUtf8RejectsFile() {
        byte[] latin1 = (HEADER + "ann@example.com,Zoë,,\n").getBytes(StandardCharsets.ISO_8859_1);
        InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(latin1),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));

        ImportParser.Result result = parser.parse(reader);

        assertThat(result.rejections()).singleElement().extracting(ImportRejection::reason).asString()
                .contains("not valid UTF-8");
    }

    private ImportParser.Result parse(String csv) {
        return parser.parse(new StringReader(csv));
    }
}
