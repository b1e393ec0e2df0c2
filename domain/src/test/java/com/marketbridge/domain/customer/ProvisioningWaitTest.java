package com.marketbridge.domain.customer;

import static com.marketbridge.domain.customer.ProvisioningWait.Decision.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ProvisioningWaitTest {

    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private final ProvisioningWait wait = ProvisioningWait.startingAt(START, Duration.ofSeconds(30));

    @ParameterizedTest(name = "{0} after {1}s -> {2}")
    @CsvSource({
            "PROVISIONED, 0, READY", "PROVISIONED, 999, READY",
            "ERROR, 0, FAILED", "PROVISIONED_WITH_ERRORS, 0, FAILED", "DELETING, 999, FAILED",
            "PROVISIONING, 0, WAIT", "PROVISIONING, 29, WAIT", "UPDATING, 10, WAIT",
            "PENDING_RPL_REVIEW, 10, WAIT", "UNKNOWN, 10, WAIT",
            "PROVISIONING, 30, DEADLINE_PASSED", "PENDING_RPL_REVIEW, 31, DEADLINE_PASSED", "UNKNOWN, 60, DEADLINE_PASSED"})
    void decides(CustomerStatus status, long secondsLater, ProvisioningWait.Decision expected) {
        assertThat(wait.decide(status, START.plusSeconds(secondsLater))).isEqualTo(expected);
    }

    @Test
    void givenNoTimeToWait_aCustomerInProgress_isPastTheDeadlineAtOnce() {
        ProvisioningWait none = ProvisioningWait.startingAt(START, Duration.ZERO);

        assertThat(none.deadline()).isEqualTo(START);
        assertThat(none.decide(CustomerStatus.PROVISIONING, START)).isEqualTo(DEADLINE_PASSED);
        assertThat(none.decide(CustomerStatus.PROVISIONED, START)).isEqualTo(READY);
    }

    @Test
    void theDeadlineIsTheStartPlusTheLimit() {
        assertThat(wait.deadline()).isEqualTo(Instant.parse("2026-01-01T10:00:30Z"));
    }

    @Test
    void aNegativeLimitIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ProvisioningWait.startingAt(START, Duration.ofSeconds(-1)))
                .withMessage("'limit' must not be negative");
    }

    @Test
    void missingArgumentsAreRejectedByName() {
        assertThatNullPointerException().isThrownBy(() -> new ProvisioningWait(null)).withMessage("'deadline' must not be null");
        assertThatNullPointerException().isThrownBy(() -> ProvisioningWait.startingAt(null, Duration.ZERO))
                .withMessage("'now' must not be null");
        assertThatNullPointerException().isThrownBy(() -> ProvisioningWait.startingAt(START, null))
                .withMessage("'limit' must not be null");
    }
}
