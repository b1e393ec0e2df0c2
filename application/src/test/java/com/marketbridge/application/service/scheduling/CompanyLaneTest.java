package com.marketbridge.application.service.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompanyLaneTest {

    private final CompanyLane<String> lane = new CompanyLane<>();

    @Test
    void eventsOfDifferentSubscriptions_startTogether() {
        lane.add("order alice", "c1:alice", false);
        lane.add("order bob", "c1:bob", false);

        assertThat(lane.startable()).containsExactly("order alice", "order bob");
        assertThat(lane.startable()).isEmpty();
    }

    @Test
    void eventsOfOneSubscription_runOneAtATimeInArrivalOrder() {
        lane.add("order alice", "c1:alice", false);
        lane.add("order bob", "c1:bob", false);
        lane.add("cancel alice", "c1:alice", false);

        assertThat(lane.startable()).containsExactly("order alice", "order bob");
        lane.finish("order bob");
        assertThat(lane.startable()).isEmpty();
        lane.finish("order alice");
        assertThat(lane.startable()).containsExactly("cancel alice");
    }

    @Test
    void anEventThatRunsAlone_waitsForEveryEventBeforeIt_andHoldsBackEveryEventAfterIt() {
        lane.add("order alice", "c1:alice", false);
        lane.add("calling order carol", "c1:carol", true);
        lane.add("order bob", "c1:bob", false);

        assertThat(lane.startable()).containsExactly("order alice");
        lane.finish("order alice");
        assertThat(lane.startable()).containsExactly("calling order carol");
        assertThat(lane.startable()).isEmpty();
        lane.finish("calling order carol");
        assertThat(lane.startable()).containsExactly("order bob");
    }

    @Test
    void eventsThatRunAlone_runOneAfterTheOther() {
        lane.add("first order", "c1:alice", true);
        lane.add("second order", "c1:bob", true);

        assertThat(lane.startable()).containsExactly("first order");
        lane.finish("first order");
        assertThat(lane.startable()).containsExactly("second order");
        lane.finish("second order");
        assertThat(lane.isEmpty()).isTrue();
    }
}
