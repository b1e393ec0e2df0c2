package com.marketbridge.application.fake;

import static com.marketbridge.domain.customer.CustomerStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.outcome.FailureReason;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The fakes behave as the tests relying on them assume. */
class FakeWebexTest {

    private final CallLog log = new CallLog();
    private final FakeWebex webex = new FakeWebex(log);

    @Test
    void eachReadReportsTheNextScriptedStatusAndTheOrgOnlyOnceProvisioned() {
        String id = webex.addCustomer("c1", PROVISIONING, PROVISIONED);

        assertThat(webex.findByExternalId("c1")).map(WebexCustomer::orgId).isEmpty();
        assertThat(webex.get(id)).extracting(WebexCustomer::status, WebexCustomer::orgId).containsExactly(PROVISIONED, "org-c1");
        assertThat(webex.get(id).status()).isEqualTo(PROVISIONED);
        assertThat(log.all()).containsExactly("customers.findByExternalId c1", "customers.get wx-c1", "customers.get wx-c1");
    }

    @Test
    void aScriptMustFollowTheCustomerLifecycle() {
        assertThatIllegalArgumentException().isThrownBy(() -> webex.addCustomer("c1", PROVISIONED, PROVISIONING))
                .withMessage("a customer cannot move from PROVISIONED to PROVISIONING");
    }

    @Test
    void aScriptedFailureIsRecordedThenThrown() {
        UpstreamException down = new UpstreamException(FailureReason.UPSTREAM_UNAVAILABLE, "down");
        log.failOn("customers.findByExternalId", down);

        assertThatThrownBy(() -> webex.findByExternalId("c1")).isSameAs(down);
        assertThat(log.all()).containsExactly("customers.findByExternalId c1");
    }

    @Test
    void sleepingMovesTheFakeClockInsteadOfBlocking() {
        FakeClock clock = new FakeClock();
        var start = clock.instant();

        clock.sleep(Duration.ofMinutes(10));

        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThat(clock.sleeps()).containsExactly(Duration.ofMinutes(10));
    }
}
