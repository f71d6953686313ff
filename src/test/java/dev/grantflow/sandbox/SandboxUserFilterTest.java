package dev.grantflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxUserFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "userName eq \"alice@example.com\"              | alice@example.com",
        "  USERNAME   EQ   \"alice@example.com\"  | alice@example.com",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a@example.com\" | a@example.com",
        "userName eq \"o\\\"neil@example.com\"            | o\"neil@example.com",
        "userName eq \"back\\\\slash@example.com\"        | back\\slash@example.com",
        "userName eq \"\\u0061lice@example.com\"          | alice@example.com",
    })
    void parseReturnsDecodedUserName(String filter, String expected) {
        assertThat(SandboxUserFilter.parseUserName(filter)).isEqualTo(expected);
    }

    @Test
    void blankFilterMeansNoFilter() {
        assertThat(SandboxUserFilter.parseUserName("  ")).isNull();
        assertThat(SandboxUserFilter.parseUserName(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "userName eq alice@example.com",
        "userName eq 'alice@example.com'",
        "userName co \"alice\"",
        "displayName eq \"Alice\"",
        "userName eq \"alice@example.com\" and active eq true",
        "userName eq \"alice@example.com",
        "userName eq \"bad\\escape\"",
        "userName eq \"\\u00zz\"",
        "userName eq",
    })
    void invalidFilterIsRejected(String filter) {
        assertThatThrownBy(() -> SandboxUserFilter.parseUserName(filter))
                .isInstanceOfSatisfying(SandboxScimException.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.scimType()).isEqualTo("invalidFilter");
                });
    }
}
