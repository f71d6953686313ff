package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DirectoryPropertiesTest {

    @Test
    void unsetPropertiesTakeDefaults() {
        DirectoryProperties properties = new DirectoryProperties(null, null);

        assertThat(properties.maxImportRows()).isEqualTo(5000);
        assertThat(properties.maxImportSize()).isEqualTo(DataSize.ofMegabytes(1));
    }

    @Test
    void zeroRowsIsInvalid() {
        assertThatThrownBy(() -> new DirectoryProperties(0, null))
                .hasMessageContaining("grantflow.directory.max-import-rows is 0");
    }

    @Test
    void zeroSizeIsInvalid() {
        assertThatThrownBy(() -> new DirectoryProperties(null, DataSize.ofBytes(0)))
                .hasMessageContaining("grantflow.directory.max-import-size is 0B");
    }
}
