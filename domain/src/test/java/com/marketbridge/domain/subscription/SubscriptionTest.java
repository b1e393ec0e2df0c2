package com.marketbridge.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    private static final WebexPackage MEETINGS = new WebexPackage("webex_meetings", false);
    private static final SubscriptionUser ALICE = new SubscriptionUser("alice@contoso.test", "Alice", "Admin", "sub-1", null);
    private static final SubscriptionUser BOB = new SubscriptionUser("bob@contoso.test", "Bob", "User", "sub-2", null);
    private static final SubscriptionUser CAROL = new SubscriptionUser("carol@contoso.test", "Carol", "User", null, null);

    private static Subscription withSeats(Long seats, SubscriptionUser... users) {
        return new Subscription("c1:alice@contoso.test", "c1", "wx-c1", MEETINGS, seats, SubscriptionStatus.ACTIVE, List.of(users));
    }

    @Test
    void theSeatLimitIsTheSumOfTheOrdersUserQuantities() {
        Order order = new Order("pro", List.of(new OrderItem("USER", 3), new OrderItem("GIGABYTE", 100), new OrderItem("user", 2)));

        assertThat(Subscription.seatLimitOf(order)).isEqualTo(5L);
    }

    @Test
    void givenAnOrderWithoutUserItems_theSeatLimit_isUnlimited() {
        assertThat(Subscription.seatLimitOf(new Order("pro", List.of(new OrderItem("GIGABYTE", 100))))).isNull();
        assertThat(Subscription.seatLimitOf(new Order("pro", List.of()))).isNull();
    }

    @Test
    void givenAFreeSeat_aNewUser_hasASeat() {
        assertThat(withSeats(2L, ALICE).hasSeatFor(BOB.email())).isTrue();
    }

    @Test
    void givenEverySeatTaken_aNewUser_hasNoSeat() {
        assertThat(withSeats(2L, ALICE, BOB).hasSeatFor(CAROL.email())).isFalse();
    }

    @Test
    void givenEverySeatTaken_aUserAlreadyThere_keepsTheirSeatWhateverTheCaseOfTheirEmail() {
        assertThat(withSeats(2L, ALICE, BOB).hasSeatFor("BOB@contoso.test")).isTrue();
    }

    @Test
    void givenALimitLoweredBelowTheUsers_nobodyNewGetsASeatAndNobodyLosesOne() {
        Subscription lowered = withSeats(3L, ALICE, BOB).withPlan(MEETINGS, 1L);

        assertThat(lowered.hasSeatFor(CAROL.email())).isFalse();
        assertThat(lowered.users()).containsExactly(ALICE, BOB);
    }

    @Test
    void givenNoLimit_anyNumberOfUsers_haveASeat() {
        assertThat(withSeats(null, ALICE, BOB).hasSeatFor(CAROL.email())).isTrue();
    }

    @Test
    void givenAZeroSeatLimit_nobody_hasASeat() {
        assertThat(withSeats(0L).hasSeatFor(ALICE.email())).isFalse();
    }

    @Test
    void withUserReplacesTheUserWithTheSameEmailInPlaceAndAppendsOthers() {
        SubscriptionUser renamedAlice = ALICE.withNames("Alicia", "Admin");

        assertThat(withSeats(null, ALICE, BOB).withUser(renamedAlice).users()).containsExactly(renamedAlice, BOB);
        assertThat(withSeats(null, ALICE).withUser(CAROL).users()).containsExactly(ALICE, CAROL);
    }

    @Test
    void withoutUserDropsOnlyThatUser() {
        assertThat(withSeats(null, ALICE, BOB).withoutUser("bob@CONTOSO.test").users()).containsExactly(ALICE);
    }

    @Test
    void aUserWithoutSubscriberKeepsTheirCallingAssignment() {
        CallingAssignment calling = new CallingAssignment("loc-1", "2001");

        SubscriptionUser subscribed = BOB.withSubscriber(new WebexSubscriber("sub-2", "w1", BOB.email(), "webex_calling",
                SubscriberStatus.PROVISIONED, "person-2"), calling);
        SubscriptionUser suspended = subscribed.withoutSubscriber();

        assertThat(subscribed.optionalPersonId()).contains("person-2");
        assertThat(suspended.optionalSubscriberId()).isEmpty();
        assertThat(suspended.optionalPersonId()).isEmpty();
        assertThat(suspended.optionalCalling()).contains(calling);
    }

    @Test
    void aSubscriptionRefusesTheSameUserTwiceANegativeLimitAndABlankAccount() {
        assertThatIllegalArgumentException().isThrownBy(() -> withSeats(null, BOB, BOB.withNames("B", "B")))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> withSeats(-1L)).withMessageContaining("seatLimit");
        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription(" ", "c1", "wx-c1", MEETINGS, null,
                SubscriptionStatus.ACTIVE, List.of())).withMessageContaining("accountIdentifier");
        assertThatIllegalArgumentException().isThrownBy(() -> new SubscriptionUser(" ", null, null, null, null));
    }
}
