package dev.grantflow.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com", "ann.lee+crm@mail.example.co.uk", "o'brien@example.com", "a@b-c.io"})
    void acceptsValidAddress(String email) {
        assertThat(EmailAddresses.isValid(email)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ann", "ann@", "@example.com", "ann@example", "ann@@example.com", "ann@exa mple.com",
            "ann lee@example.com", ".ann@example.com", "ann.@example.com", "ann..lee@example.com", "ann@-example.com",
            "ann@example..com", "zoë@example.com", "ann@example.com,"})
    void rejectsMalformedAddress(String email) {
        assertThat(EmailAddresses.isValid(email)).isFalse();
    }
}
