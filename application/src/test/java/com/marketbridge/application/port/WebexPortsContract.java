package com.marketbridge.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.application.port.out.WebexCustomers;
import com.marketbridge.application.port.out.WebexExtensions;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.application.port.out.WebexPeople;
import com.marketbridge.application.port.out.WebexSubscribers;
import com.marketbridge.domain.customer.CustomerTemplate;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the Webex ports promises, run against the in-memory fake and against the real
 * adapter talking to a stateful Webex stand-in, so that a fake kinder than Webex shows up here and not in
 * production. Where Webex's behaviour is only inferred ({@code [I]} in the contract notes) the test says so.
 *
 * <p>Each test gets a Webex without customers, locations, subscribers or people; the subclass makes one per test
 * and arranges it through the hooks below, never through the ports under test.
 */
public abstract class WebexPortsContract {

    protected static final PostalAddress MAIN_OFFICE = new PostalAddress("12 Harbour Road", "Springfield", "IL", "62701", "US");
    protected static final PostalAddress WAREHOUSE = new PostalAddress("99 Dock Street", "Springfield", "IL", "62702", "US");
    private static final WebexPackage CALLING = new WebexPackage("webex_calling", true);
    private static final WebexPackage MEETINGS = new WebexPackage("webex_meetings", false);
    private static final CustomerTemplate TEMPLATE = new CustomerTemplate("UHJvdlRlbXBsYXRlLTAwMQ",
            List.of("webex_calling", "webex_meetings"), MAIN_OFFICE, "America/Chicago");
    private static final String MARIA = "maria.lopez@harbourdental.example";

    // ---- the ports under test -----------------------------------------------------------------------------------

    protected abstract WebexCustomers customers();

    protected abstract WebexSubscribers subscribers();

    protected abstract WebexLocations locations();

    protected abstract WebexExtensions extensions();

    protected abstract WebexPeople people();

    // ---- arranging Webex behind them ----------------------------------------------------------------------------

    /** A customer of company {@code externalId}, provisioned, with its organization and no location yet. */
    protected abstract WebexCustomer aProvisionedCustomer(String externalId);

    /** A Webex Calling location of the organization at {@code address}; returns its id. */
    protected abstract String aCallingLocation(String orgId, PostalAddress address);

    /** Something other than a user (a call park, a hunt group) uses the extension at the location. */
    protected abstract void usedBySomethingElse(String locationId, String extension);

    /** A Webex user of the organization without a wholesale subscription, such as an account made by hand. */
    protected abstract void aPerson(String orgId, String email);

    /** Webex does what the next call asks, but its answer is cut off on the way back (a proxy giving up, say). */
    protected abstract void theNextAnswerIsCutOff();

    /** How many calls reached Webex so far, whatever they were; arranging counts none. */
    protected abstract int callsReachingWebex();

    // ---- WebexExtensions ----------------------------------------------------------------------------------------

    @Test
    void oneCheckTakesAtLeastOneCandidate() {
        assertThat(extensions().maxCandidates()).isPositive();
    }

    /** Used candidates at both ends and in the middle: an implementation that reads only part of a batch misses one. */
    @Test
    void givenSomeCandidatesUsedAtTheLocation_freeOfAFullBatch_answersExactlyTheOthers() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        List<String> batch = candidates(2000, extensions().maxCandidates());
        Set<String> used = Set.of(batch.get(0), batch.get(batch.size() / 2), batch.get(batch.size() - 1));
        used.forEach(extension -> usedBySomethingElse(location, extension));

        Set<String> free = extensions().free(customer.orgId(), location, batch);

        assertThat(free).containsExactlyInAnyOrderElementsOf(without(batch, used));
    }

    @Test
    void givenAnExtensionUsedAtAnotherLocation_free_answersItFreeHere() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        usedBySomethingElse(aCallingLocation(customer.orgId(), WAREHOUSE), "2000");

        assertThat(extensions().free(customer.orgId(), location, List.of("2000"))).containsExactly("2000");
    }

    @Test
    void givenNothingUsedAtTheLocation_freeOfAFullBatch_answersEveryCandidate() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        List<String> batch = candidates(3000, extensions().maxCandidates());

        assertThat(extensions().free(customer.orgId(), location, batch)).containsExactlyInAnyOrderElementsOf(batch);
    }

    @Test
    void givenMoreCandidatesThanOneCheckTakes_free_refusesWithoutAskingWebex() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        usedBySomethingElse(location, "2000");
        List<String> tooMany = candidates(2000, extensions().maxCandidates() + 1);
        int callsBefore = callsReachingWebex();

        assertThatIllegalArgumentException().isThrownBy(() -> extensions().free(customer.orgId(), location, tooMany));

        assertThat(callsReachingWebex()).isEqualTo(callsBefore);
        List<String> batch = tooMany.subList(0, extensions().maxCandidates());
        assertThat(extensions().free(customer.orgId(), location, batch))
                .containsExactlyInAnyOrderElementsOf(without(batch, Set.of("2000")));
    }

    // ---- WebexSubscribers ---------------------------------------------------------------------------------------

    @Test
    void givenTheExtensionUsedAtTheLocation_createCallingSubscriber_failsExtensionTakenAndCreatesNobody() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        usedBySomethingElse(location, "2001");

        assertReason(() -> subscribers().create(calling(customer, MARIA, location, "2001")), FailureReason.EXTENSION_TAKEN);

        assertThat(subscribers().find(customer.id(), MARIA)).isEmpty();
    }

    @Test
    void aCreatedSubscriber_isFoundByItsEmailInAnyCase_andOnlyInItsCustomer() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        WebexCustomer other = aProvisionedCustomer("c2");

        WebexSubscriber created = subscribers().create(meetings(customer, "Maria.Lopez@HarbourDental.example"));

        assertThat(subscribers().find(customer.id(), MARIA)).map(WebexSubscriber::id).contains(created.id());
        assertThat(subscribers().find(customer.id(), "Maria.Lopez@HarbourDental.example")).map(WebexSubscriber::id)
                .contains(created.id());
        assertThat(subscribers().find(customer.id(), "someone.else@harbourdental.example")).isEmpty();
        assertThat(subscribers().find(other.id(), MARIA)).isEmpty();
    }

    /** Webex frees an extension when its calling user goes; the notes leave open whether the person goes too. */
    @Test
    void aCreatedCallingSubscriber_holdsItsExtensionUntilRemoved() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        List<String> around = List.of("2000", "2001", "2002");

        WebexSubscriber created = subscribers().create(calling(customer, MARIA, location, "2001"));

        assertThat(extensions().free(customer.orgId(), location, around)).containsExactlyInAnyOrder("2000", "2002");
        assertThat(subscribers().remove(created.id(), MARIA)).isTrue();
        assertThat(extensions().free(customer.orgId(), location, around)).containsExactlyInAnyOrderElementsOf(around);
        assertThat(subscribers().find(customer.id(), MARIA)).isEmpty();
    }

    /** The application removes by the id it recorded: someone may have removed the subscriber since. */
    @Test
    void removingASubscriberAlreadyGone_answersFalse() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        WebexSubscriber created = subscribers().create(meetings(customer, MARIA));

        assertThat(subscribers().remove(created.id(), MARIA)).isTrue();
        assertThat(subscribers().remove(created.id(), MARIA)).isFalse();
        assertThat(subscribers().find(customer.id(), MARIA)).isEmpty();
    }

    /** The person id is what lets a cancel remove the person without looking it up. */
    @Test
    void aProvisionedSubscriber_namesItsPerson_whichCanBeRemovedByThatId() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        WebexSubscriber created = subscribers().create(meetings(customer, MARIA));
        assertThat(created.status()).isEqualTo(SubscriberStatus.PROVISIONED);
        assertThat(subscribers().find(customer.id(), MARIA).orElseThrow().personId()).isEqualTo(created.personId());

        assertThat(subscribers().remove(created.id(), MARIA)).isTrue();
        assertThat(people().removeById(created.optionalPersonId().orElseThrow(), MARIA)).isTrue();
        assertThat(people().removeById(created.personId(), MARIA)).isFalse();
        assertThat(people().removeByEmail(customer.orgId(), MARIA)).isFalse();
    }

    @Test
    void givenAnEmailWithASubscriber_validateAndCreate_failUserAlreadyExists() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        WebexCustomer other = aProvisionedCustomer("c2");
        subscribers().create(meetings(customer, MARIA));

        assertReason(() -> subscribers().validate(customer.id(), MARIA.toUpperCase(), MEETINGS),
                FailureReason.USER_ALREADY_EXISTS);
        assertReason(() -> subscribers().validate(other.id(), MARIA, MEETINGS), FailureReason.USER_ALREADY_EXISTS);
        assertReason(() -> subscribers().create(meetings(other, MARIA)), FailureReason.USER_ALREADY_EXISTS);
        assertThatCode(() -> subscribers().validate(customer.id(), "someone.else@harbourdental.example", MEETINGS))
                .doesNotThrowAnyException();
    }

    /** Removing the person is how the application lets an address join another organization. */
    @Test
    void givenAPersonOfAnotherOrganization_validate_failsUserAlreadyExists_untilThePersonIsRemoved() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        WebexCustomer previous = aProvisionedCustomer("c0");
        aPerson(previous.orgId(), MARIA);

        assertReason(() -> subscribers().validate(customer.id(), MARIA, MEETINGS), FailureReason.USER_ALREADY_EXISTS);

        assertThat(people().removeByEmail(previous.orgId(), MARIA)).isTrue();
        assertThatCode(() -> subscribers().validate(customer.id(), MARIA, MEETINGS)).doesNotThrowAnyException();
    }

    @Test
    void aSubscriberMovedToCalling_holdsItsNewExtension() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        WebexSubscriber subscriber = subscribers().create(meetings(customer, MARIA));

        WebexSubscriber changed = subscribers().changePackage(subscriber, CALLING,
                Optional.of(new CallingAssignment(location, "2001")));

        assertThat(changed.id()).isEqualTo(subscriber.id());
        assertThat(changed.packageName()).isEqualTo(CALLING.name());
        assertThat(extensions().free(customer.orgId(), location, List.of("2000", "2001"))).containsExactly("2000");
    }

    @Test
    void givenTheExtensionUsedAtTheLocation_moveToCalling_failsExtensionTaken() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        usedBySomethingElse(location, "2001");
        WebexSubscriber subscriber = subscribers().create(meetings(customer, MARIA));

        assertReason(() -> subscribers().changePackage(subscriber, CALLING,
                Optional.of(new CallingAssignment(location, "2001"))), FailureReason.EXTENSION_TAKEN);

        assertThat(subscribers().find(customer.id(), MARIA)).map(WebexSubscriber::packageName).contains(MEETINGS.name());
    }

    /** Webex made the subscriber: posting it again would be refused, or make a second one. */
    @Test
    void givenTheAnswerToASubscriberCreateCutOff_create_answersTheOneSubscriberItMade() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        theNextAnswerIsCutOff();

        WebexSubscriber created = subscribers().create(calling(customer, MARIA, location, "2001"));

        assertThat(subscribers().find(customer.id(), MARIA)).map(WebexSubscriber::id).contains(created.id());
        assertThat(extensions().free(customer.orgId(), location, List.of("2000", "2001"))).containsExactly("2000");
    }

    @Test
    void givenTheAnswerToAPackageChangeCutOff_changePackage_answersTheChangedSubscriber() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), MAIN_OFFICE);
        WebexSubscriber subscriber = subscribers().create(meetings(customer, MARIA));
        theNextAnswerIsCutOff();

        WebexSubscriber changed = subscribers().changePackage(subscriber, CALLING,
                Optional.of(new CallingAssignment(location, "2001")));

        assertThat(changed.id()).isEqualTo(subscriber.id());
        assertThat(changed.packageName()).isEqualTo(CALLING.name());
        assertThat(extensions().free(customer.orgId(), location, List.of("2000", "2001"))).containsExactly("2000");
    }

    // ---- WebexLocations -----------------------------------------------------------------------------------------

    @Test
    void givenAnOrganizationWithOneCallingLocation_locationIdFor_answersItWhateverTheAddress() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        String location = aCallingLocation(customer.orgId(), WAREHOUSE);

        assertThat(locations().locationIdFor(customer.orgId(), MAIN_OFFICE)).contains(location);
    }

    @Test
    void givenTwoLocations_locationIdFor_answersTheOneAtTheAddress() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        aCallingLocation(customer.orgId(), WAREHOUSE);
        String mainOffice = aCallingLocation(customer.orgId(), MAIN_OFFICE);

        assertThat(locations().locationIdFor(customer.orgId(), MAIN_OFFICE)).contains(mainOffice);
    }

    @Test
    void givenAnOrganizationWithoutLocations_locationIdFor_isEmpty() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        aCallingLocation(aProvisionedCustomer("c2").orgId(), MAIN_OFFICE);

        assertThat(locations().locationIdFor(customer.orgId(), MAIN_OFFICE)).isEmpty();
    }

    // ---- WebexCustomers -----------------------------------------------------------------------------------------

    @Test
    void givenAnUnknownCompany_findByExternalId_isEmpty() {
        aProvisionedCustomer("c1");

        assertThat(customers().findByExternalId("c9")).isEmpty();
    }

    @Test
    void aCreatedCustomer_isReadAndFoundWithItsExternalId() {
        String id = customers().create(newCustomer("crm-000451", false));

        assertThat(customers().get(id)).extracting(WebexCustomer::id, WebexCustomer::externalId)
                .containsExactly(id, "crm-000451");
        assertThat(customers().findByExternalId("crm-000451")).map(WebexCustomer::id).contains(id);
    }

    /** Webex makes the calling location from the template; calling users go there. */
    @Test
    void aCustomerCreatedWithACallingLocation_hasItOnceProvisioned() {
        String id = customers().create(newCustomer("crm-000451", true));

        WebexCustomer created = customers().get(id);

        assertThat(created.status().acceptsSubscribers()).isTrue();
        assertThat(locations().locationIdFor(created.orgId(), MAIN_OFFICE)).isPresent();
    }

    /** Webex made the customer: posting it again would make a second one for the company. */
    @Test
    void givenTheAnswerToACustomerCreateCutOff_create_answersTheOneCustomerItMade() {
        theNextAnswerIsCutOff();

        String id = customers().create(newCustomer("crm-000451", false));

        assertThat(customers().findByExternalId("crm-000451")).map(WebexCustomer::id).contains(id);
    }

    @Test
    void givenNoSuchCustomer_get_failsAccountNotFound() {
        assertReason(() -> customers().get("no-such-customer"), FailureReason.ACCOUNT_NOT_FOUND);
    }

    // ---- WebexPeople --------------------------------------------------------------------------------------------

    @Test
    void givenNoSuchPerson_remove_answersFalse() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        aPerson(aProvisionedCustomer("c2").orgId(), MARIA);

        assertThat(people().removeByEmail(customer.orgId(), MARIA)).isFalse();
    }

    @Test
    void givenAPerson_remove_answersTrueOnce_whateverTheEmailsCase() {
        WebexCustomer customer = aProvisionedCustomer("c1");
        aPerson(customer.orgId(), "Maria.Lopez@HarbourDental.example");

        assertThat(people().removeByEmail(customer.orgId(), MARIA)).isTrue();
        assertThat(people().removeByEmail(customer.orgId(), MARIA)).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void assertReason(ThrowingCallable call, FailureReason reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UpstreamException.class,
                failure -> assertThat(failure.reason()).as(failure.getMessage()).isEqualTo(reason));
    }

    private static NewSubscriber calling(WebexCustomer customer, String email, String location, String extension) {
        return new NewSubscriber(customer.id(), email, "Maria", "Lopez", CALLING, new CallingAssignment(location, extension));
    }

    private static NewSubscriber meetings(WebexCustomer customer, String email) {
        return new NewSubscriber(customer.id(), email, "Maria", "Lopez", MEETINGS, null);
    }

    private static NewCustomer newCustomer(String externalId, boolean callingLocation) {
        return new NewCustomer(externalId, "Harbour Dental", "it-admin@harbourdental.example", "en-US", TEMPLATE,
                callingLocation);
    }

    private static List<String> candidates(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(Integer::toString).toList();
    }

    private static List<String> without(List<String> candidates, Set<String> used) {
        Set<String> left = new HashSet<>(candidates);
        left.removeAll(used);
        return List.copyOf(left);
    }
}
