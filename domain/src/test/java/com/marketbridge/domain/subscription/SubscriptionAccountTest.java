package com.marketbridge.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionAccountTest {

    private static final Optional<String> NO_FALLBACK = Optional.empty();

    @Test
    void theIdentifierIsCompanyColonEmail() {
        assertThat(new SubscriptionAccount("c1a5", "bob@contoso.test").identifier()).isEqualTo("c1a5:bob@contoso.test");
    }

    @ParameterizedTest
    @CsvSource({"c1a5, bob@contoso.test", "c1a5, odd:local@contoso.test", "3b6f2c1e-9d0a-4c55, A.B+tag@x.io"})
    void parseReadsBackWhatIdentifierWrote(String company, String email) {
        SubscriptionAccount account = new SubscriptionAccount(company, email);

        assertThat(SubscriptionAccount.parse(account.identifier(), Optional.of("someone.else@x.io"))).contains(account);
    }

    @Test
    void parseIgnoresSurroundingWhitespace() {
        assertThat(SubscriptionAccount.parse("  c1:bob@x.io \n", NO_FALLBACK)).contains(new SubscriptionAccount("c1", "bob@x.io"));
    }

    @Test
    void givenADemoEraBareCompanyUuid_parse_fallsBackToTheGivenEmail() {
        assertThat(SubscriptionAccount.parse("c1a5", Optional.of("admin@x.io"))).contains(new SubscriptionAccount("c1a5", "admin@x.io"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void givenADemoEraIdentifierAndNoUsableFallback_parse_isEmpty(String fallback) {
        assertThat(SubscriptionAccount.parse("c1a5", Optional.of(fallback))).isEmpty();
        assertThat(SubscriptionAccount.parse("c1a5", NO_FALLBACK)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", ":", ":bob@x.io", "c1:", "c1:  ", "  :bob@x.io"})
    void givenABlankOrHalfIdentifier_parse_isEmptyEvenWithAFallback(String identifier) {
        assertThat(SubscriptionAccount.parse(identifier, Optional.of("admin@x.io"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"'', bob@x.io", "'  ', bob@x.io", "c:1, bob@x.io"})
    void aBlankCompanyOrOneWithTheSeparatorIsRejected(String company, String email) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionAccount(company, email))
                .withMessage("'companyUuid' must be non-blank and free of ':'");
    }

    @Test
    void aBlankEmailIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionAccount("c1", " "))
                .withMessage("'subscriberEmail' must not be blank");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatNullPointerException().isThrownBy(() -> new SubscriptionAccount(null, "bob@x.io"))
                .withMessage("'companyUuid' must not be null");
        assertThatNullPointerException().isThrownBy(() -> new SubscriptionAccount("c1", null))
                .withMessage("'subscriberEmail' must not be null");
    }

    @ParameterizedTest
    @CsvSource({"c1:bob@contoso.test, c1", "c1, c1", "' c1:a:b ', c1"})
    void theCompanyOfAnAccountIsReadFromOursAndFromTheDemos(String identifier, String company) {
        assertThat(SubscriptionAccount.companyOf(identifier)).isEqualTo(company);
    }
}
