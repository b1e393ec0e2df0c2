package com.marketbridge.domain.customer;

import static com.marketbridge.domain.customer.CustomerStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerStatusTest {

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
            "provisioning, PROVISIONING",
            "provisioned, PROVISIONED",
            "provisioned_with_errors, PROVISIONED_WITH_ERRORS",
            "updating, UPDATING",
            "deleting, DELETING",
            "error, ERROR",
            "pending_rpl_review, PENDING_RPL_REVIEW",
            "' PROVISIONED ', PROVISIONED"})
    void fromWireReadsEveryStatusOfTheContract(String wire, CustomerStatus expected) {
        assertThat(CustomerStatus.fromWire(wire)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "suspended", "provisioned-with-errors", "pending_user_migration"})
    void fromWireReadsAnythingElseAsUnknown(String wire) {
        assertThat(CustomerStatus.fromWire(wire)).isEqualTo(UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(value = CustomerStatus.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void wireValueRoundTrips(CustomerStatus status) {
        assertThat(CustomerStatus.fromWire(status.wireValue())).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PROVISIONING, PROVISIONED", "PROVISIONING, PROVISIONED_WITH_ERRORS", "PROVISIONING, ERROR",
            "PROVISIONING, PENDING_RPL_REVIEW", "PROVISIONING, PROVISIONING",
            "PENDING_RPL_REVIEW, PROVISIONING", "PENDING_RPL_REVIEW, PROVISIONED", "PENDING_RPL_REVIEW, ERROR",
            "PROVISIONED, UPDATING", "PROVISIONED, DELETING",
            "PROVISIONED_WITH_ERRORS, UPDATING", "PROVISIONED_WITH_ERRORS, DELETING",
            "UPDATING, PROVISIONED", "UPDATING, PROVISIONED_WITH_ERRORS", "UPDATING, ERROR",
            "ERROR, UPDATING", "ERROR, DELETING", "DELETING, DELETING",
            "UNKNOWN, PROVISIONED", "UNKNOWN, DELETING", "PROVISIONED, UNKNOWN", "DELETING, UNKNOWN"})
    void allowedMoves(CustomerStatus from, CustomerStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
            "PROVISIONING, UPDATING", "PROVISIONING, DELETING",
            "PENDING_RPL_REVIEW, UPDATING",
            "PROVISIONED, PROVISIONING", "PROVISIONED, ERROR", "PROVISIONED, PENDING_RPL_REVIEW",
            "PROVISIONED_WITH_ERRORS, PROVISIONED",
            "UPDATING, PROVISIONING", "UPDATING, DELETING",
            "ERROR, PROVISIONED", "ERROR, PROVISIONING",
            "DELETING, PROVISIONED", "DELETING, PROVISIONING", "DELETING, ERROR"})
    void forbiddenMoves(CustomerStatus from, CustomerStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @Test
    void everyStatusIsExactlyOneOfReadyFailedOrInProgress() {
        assertThat(EnumSet.allOf(CustomerStatus.class)).allSatisfy(status ->
                assertThat((status.acceptsSubscribers() ? 1 : 0) + (status.isFailed() ? 1 : 0) + (status.isInProgress() ? 1 : 0))
                        .as(status.name()).isOne());
    }

    @Test
    void onlyProvisionedAcceptsSubscribersAndWebexGaveUpOnErrorsAndDeletion() {
        assertThat(EnumSet.allOf(CustomerStatus.class).stream().filter(CustomerStatus::acceptsSubscribers)).containsExactly(PROVISIONED);
        assertThat(EnumSet.allOf(CustomerStatus.class).stream().filter(CustomerStatus::isFailed))
                .containsExactlyInAnyOrder(ERROR, PROVISIONED_WITH_ERRORS, DELETING);
        assertThat(EnumSet.allOf(CustomerStatus.class).stream().filter(CustomerStatus::isInProgress))
                .containsExactlyInAnyOrder(PROVISIONING, UPDATING, PENDING_RPL_REVIEW, UNKNOWN);
    }
}
