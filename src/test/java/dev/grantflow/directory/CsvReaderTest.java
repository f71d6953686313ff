package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.grantflow.directory.CsvReader.CsvRecord;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    private static final long NO_LIMIT = Long.MAX_VALUE;

    @Test
    void plainFieldsSplitAtCommas() throws IOException {
        assertThat(fields("a,b,c")).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void quotedFieldKeepsCommas() throws IOException {
        assertThat(fields("\"Doe, Jane\",x")).containsExactly(List.of("Doe, Jane", "x"));
    }

    @Test
    void doubledQuoteInQuotedFieldIsOneQuote() throws IOException {
        assertThat(fields("\"Dwayne \"\"The Rock\"\" Johnson\"")).containsExactly(List.of("Dwayne \"The Rock\" Johnson"));
    }

    @Test
    void quotedFieldKeepsLineBreak() throws IOException {
        assertThat(fields("\"two\r\nlines\",x\r\nnext,y")).containsExactly(List.of("two\r\nlines", "x"), List.of("next", "y"));
    }

    @Test
    void crlfAndLfAndLoneCrEndRecords() throws IOException {
        assertThat(fields("a\r\nb\nc\rd")).containsExactly(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
    }

    @Test
    void finalLineBreakStartsNoRecord() throws IOException {
        assertThat(fields("a,b\r\n")).containsExactly(List.of("a", "b"));
    }

    @Test
    void emptyInputHasNoRecords() throws IOException {
        assertThat(fields("")).isEmpty();
    }

    @Test
    void emptyFieldsAreKept() throws IOException {
        assertThat(fields(",,")).containsExactly(List.of("", "", ""));
    }

    @Test
    void emptyQuotedFieldIsEmpty() throws IOException {
        assertThat(fields("\"\",x")).containsExactly(List.of("", "x"));
    }

    @Test
    void blankLineIsOneEmptyField() throws IOException {
        List<CsvRecord> records = records("a\n\nb");

        assertThat(records.get(1).fields()).containsExactly("");
        assertThat(records.get(1).isBlank()).isTrue();
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        assertThat(fields("\uFEFFemail,roles")).containsExactly(List.of("email", "roles"));
    }

    @Test
    void quoteInsideUnquotedFieldIsLiteral() throws IOException {
        assertThat(fields("6\" tall,x")).containsExactly(List.of("6\" tall", "x"));
    }

    @Test
    void recordsCarryStartLine() throws IOException {
        List<CsvRecord> records = records("h\n\"a\nb\"\nc");

        assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4);
    }

    @Test
    void unclosedQuoteFailsWithOpeningLine() {
        assertThatThrownBy(() -> records("a\n\"open,x\ny"))
                .isInstanceOf(CsvReader.FormatException.class)
                .hasMessageContaining("starts on line 2")
                .extracting(error -> ((CsvReader.FormatException) error).line()).isEqualTo(2);
    }

    @Test
    void textAfterClosingQuoteFails() {
        assertThatThrownBy(() -> records("\"a\"b,c"))
                .isInstanceOf(CsvReader.FormatException.class)
                .hasMessageContaining("after the closing quote");
    }

    @Test
    void inputOverByteLimitFails() {
        assertThatThrownBy(() -> records("abcdef", 5)).isInstanceOf(CsvReader.TooLargeException.class);
    }

    @Test
    void inputAtByteLimitPasses() throws IOException {
        assertThat(records("abcde", 5)).hasSize(1);
    }

    @Test
    void byteLimitCountsUtf8Bytes() {
        assertThatThrownBy(() -> records("éé", 3)).isInstanceOf(CsvReader.TooLargeException.class);
    }

    @Test
    void utf8LengthMatchesEncoder() {
        String sample = "aé€😀";
        int counted = sample.chars().map(CsvReader::utf8Length).sum();

        assertThat(counted).isEqualTo(sample.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    private static List<List<String>> fields(String csv) throws IOException {
        return records(csv).stream().map(CsvRecord::fields).toList();
    }

    private static List<CsvRecord> records(String csv) throws IOException {
        return records(csv, NO_LIMIT);
    }

    private static List<CsvRecord> records(String csv, long maxBytes) throws IOException {
        CsvReader reader = new CsvReader(new StringReader(csv), maxBytes);
        List<CsvRecord> records = new ArrayList<>();
        for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }
}
