package dev.grantflow.directory;

import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the directory's CSV import. The binder passes null for every property that is not set, and
 * the compact constructor replaces it with the default.
 *
 * @param maxImportRows maximum data rows in one CSV file, the header row not counted (default 5000)
 * @param maxImportSize maximum size of one CSV file in UTF-8 bytes, the byte order mark included (default 1MB)
 */
@ConfigurationProperties("grantflow.directory")
public record DirectoryProperties(Integer maxImportRows, DataSize maxImportSize) {

    static final int DEFAULT_MAX_IMPORT_ROWS = 5000;
    static final DataSize DEFAULT_MAX_IMPORT_SIZE = DataSize.ofMegabytes(1);

    public DirectoryProperties {
        maxImportRows = Objects.requireNonNullElse(maxImportRows, DEFAULT_MAX_IMPORT_ROWS);
        maxImportSize = Objects.requireNonNullElse(maxImportSize, DEFAULT_MAX_IMPORT_SIZE);
        if (maxImportRows < 1) {
            throw invalid("max-import-rows", maxImportRows, "1 or more");
        }
        if (maxImportSize.toBytes() < 1) {
            throw invalid("max-import-size", maxImportSize, "a positive size such as 1MB");
        }
    }

    /** Returns the settings with every property at its default. */
    public static DirectoryProperties defaults() {
        return new DirectoryProperties(DEFAULT_MAX_IMPORT_ROWS, DEFAULT_MAX_IMPORT_SIZE);
    }

    private static IllegalArgumentException invalid(String property, Object value, String expected) {
        return new IllegalArgumentException("grantflow.directory." + property + " is " + value
                + ", which is invalid. Set it to " + expected + ".");
    }
}
