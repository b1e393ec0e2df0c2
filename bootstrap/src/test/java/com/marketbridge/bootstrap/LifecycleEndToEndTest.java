package com.marketbridge.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.marketbridge.bootstrap.Upstreams.ALICE;
import static com.marketbridge.bootstrap.Upstreams.BOB;
import static com.marketbridge.bootstrap.Upstreams.COMPANY;
import static com.marketbridge.bootstrap.Upstreams.CUSTOMER_ID;
import static com.marketbridge.bootstrap.Upstreams.personId;
import static com.marketbridge.bootstrap.Upstreams.subscriberId;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole subscription lifecycle through the real wiring: notices, user assignment, multi-user subscriptions. */
class LifecycleEndToEndTest {

    private static final String ACCOUNT = COMPANY + ":" + ALICE;

    private final HttpClient client = HttpClient.newHttpClient();
    private Upstreams upstreams;
    private Connector connector;

    @BeforeEach
    void start() {
        upstreams = new Upstreams();
        connector = Connector.start(Settings.load(upstreams.settings(), Path.of("no-such.env")));
    }

    @AfterEach
    void stop() {
        connector.close();
        upstreams.close();
    }

    private HttpResponse<String> notify(String token, String template, Map<String, String> values) throws Exception {
        String eventUrl = upstreams.publish(token, template, values);
        return client.send(Upstreams.notification(connector.port(), "/subscription_receiver", eventUrl), HttpResponse.BodyHandlers.ofString());
    }

    /** Alice orders the edition for the company's provisioned customer, with this many seats. */
    private void aliceOrdered(String edition, int seats) throws Exception {
        upstreams.customerProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreatedFor(ALICE, edition);
        HttpResponse<String> order = notify("order-" + edition, "order-without-contact-details.json",
                Map.of("edition", edition, "seats", String.valueOf(seats)));
        assertThat(order.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + ACCOUNT
                + "\",\"message\":\"" + ALICE + " is subscribed to " + edition + "\"}");
    }

    private HttpResponse<String> notice(String token, String notice, String status) throws Exception {
        return notify(token, "notice.json", Map.of("notice", notice, "status", status));
    }

    private HttpResponse<String> userEvent(String token, String type, String email, String firstName) throws Exception {
        return notify(token, "user.json", Map.of("type", type, "userEmail", email, "firstName", firstName, "lastName", "User"));
    }

    private static String createRequest(String email, String firstName, String lastName, String webexPackage, String calling) {
        return "{\"customerId\":\"" + CUSTOMER_ID + "\",\"email\":\"" + email + "\",\"packages\":[\"" + webexPackage
                + "\"],\"provisioningParameters\":{\"firstName\":\"" + firstName + "\",\"lastName\":\"" + lastName + "\"" + calling + "}}";
    }

    @Test
    void aDeactivationRemovesTheSubscriberAndAReactivationRecreatesItWithItsPackageAndExtension() throws Exception {
        upstreams.callingLocationWithExtensions();
        aliceOrdered("webex_calling", 5);
        String aliceOnCalling = createRequest(ALICE, "Alice", "Admin", "webex_calling", ",\"extension\":\"2001\",\"locationId\":\"LOC1\"");
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")).withRequestBody(equalToJson(aliceOnCalling)));
        upstreams.subscriberFound(ALICE, "webex_calling");
        upstreams.subscriberRemovable(ALICE);

        HttpResponse<String> deactivated = notice("deactivated-1", "DEACTIVATED", "SUSPENDED");

        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(deactivated.body()).contains("\"success\":true", "is suspended");
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(ALICE))));
        upstreams.webex.verify(0, deleteRequestedFor(urlPathEqualTo("/v1/people/" + personId(ALICE))));

        upstreams.subscriberNotFound(ALICE);
        HttpResponse<String> reactivated = notice("reactivated-1", "REACTIVATED", "ACTIVE");

        assertThat(reactivated.statusCode()).isEqualTo(200);
        assertThat(reactivated.body()).contains("\"success\":true", "is active again");
        // the same body as the order's: package, extension and location come from the record, not from new lookups
        upstreams.webex.verify(2, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")).withRequestBody(equalToJson(aliceOnCalling)));
        upstreams.webex.verify(1, getRequestedFor(urlPathEqualTo("/v1/locations")));
        upstreams.webex.verify(1, postRequestedFor(urlPathEqualTo("/v1/telephony/config/locations/LOC1/actions/validateExtensions/invoke")));
        upstreams.appDirect.verify(0, postRequestedFor(urlMatching("/api/integration/v1/events/.*/result")));
    }

    @Test
    void aClosedNoticeRemovesEveryUsersSubscriberAndPerson() throws Exception {
        aliceOrdered("webex_meetings", 5);
        upstreams.subscriberFound(ALICE, "webex_meetings");
        upstreams.subscriberRemovable(ALICE);
        upstreams.personRemovable(ALICE);

        HttpResponse<String> closed = notice("closed-1", "CLOSED", "CANCELLED");

        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(closed.body()).contains("\"success\":true", "is cancelled; removed from Webex: " + ALICE);
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(ALICE))));
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/people/" + personId(ALICE))));
    }

    @Test
    void anUpcomingInvoiceIsAnsweredSuccessWithoutAnyWebexCall() throws Exception {
        HttpResponse<String> invoice = notice("invoice-1", "UPCOMING_INVOICE", "ACTIVE");

        assertThat(invoice.statusCode()).isEqualTo(200);
        assertThat(invoice.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + ACCOUNT
                + "\",\"message\":\"Notice UPCOMING_INVOICE changes nothing in Webex\"}");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aUserAssignedToAMultiUserAccountIsMovedByTheChangeWithEveryoneAndThenUnassigned() throws Exception {
        upstreams.callingLocationWithExtensionsTakenOneByOne();
        aliceOrdered("webex_meetings", 5);
        upstreams.subscriberCreatedFor(BOB, "webex_meetings");

        HttpResponse<String> assigned = userEvent("assign-1", "USER_ASSIGNMENT", BOB, "Bob");

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.body()).contains("\"success\":true", BOB + " is subscribed to webex_meetings");
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers"))
                .withRequestBody(equalToJson(createRequest(BOB, "Bob", "User", "webex_meetings", ""))));

        upstreams.subscriberFound(ALICE, "webex_meetings");
        upstreams.subscriberFound(BOB, "webex_meetings");
        upstreams.subscriberChangeable(ALICE, "webex_suite");
        upstreams.subscriberChangeable(BOB, "webex_suite");
        HttpResponse<String> changed = notify("change-1", "change.json", Map.of("edition", "webex_suite", "account", ACCOUNT));

        assertThat(changed.body()).contains("\"success\":true", ALICE + ", " + BOB + " are subscribed to webex_suite");
        upstreams.webex.verify(putRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(ALICE)))
                .withRequestBody(equalToJson("{\"packages\":[\"webex_suite\"],\"provisioningParameters\":{\"extension\":\"2001\",\"locationId\":\"LOC1\"}}")));
        upstreams.webex.verify(putRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(BOB)))
                .withRequestBody(equalToJson("{\"packages\":[\"webex_suite\"],\"provisioningParameters\":{\"extension\":\"2002\",\"locationId\":\"LOC1\"}}")));

        upstreams.subscriberFound(BOB, "webex_suite");
        upstreams.subscriberRemovable(BOB);
        upstreams.personRemovable(BOB);
        HttpResponse<String> unassigned = userEvent("unassign-1", "USER_UNASSIGNMENT", BOB, "Bob");

        assertThat(unassigned.body()).contains("\"success\":true", BOB + " is removed from Webex and from subscription " + ACCOUNT);
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(BOB))));
        upstreams.webex.verify(1, deleteRequestedFor(urlEqualTo("/v1/people/" + personId(BOB))));
        upstreams.webex.verify(0, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/" + subscriberId(ALICE))));

        HttpResponse<String> again = userEvent("unassign-2", "USER_UNASSIGNMENT", BOB, "Bob");

        assertThat(again.body()).contains("\"success\":false", "\"errorCode\":\"USER_NOT_FOUND\"");
    }

    @Test
    void anAssignmentBeyondTheSeatLimitIsRefusedWithoutAnyWebexCall() throws Exception {
        aliceOrdered("webex_meetings", 1);
        upstreams.webex.resetRequests();

        HttpResponse<String> assigned = userEvent("assign-2", "USER_ASSIGNMENT", BOB, "Bob");

        assertThat(assigned.statusCode()).isEqualTo(200);
        assertThat(assigned.body()).isEqualTo("{\"success\":false,\"errorCode\":\"MAX_USERS_REACHED\",\"message\":\"Subscription "
                + ACCOUNT + " has 1 seat(s), all taken; " + BOB + " cannot be assigned\"}");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRenamedUserIsRecordedAndWebexIsLeftAlone() throws Exception {
        aliceOrdered("webex_meetings", 5);
        upstreams.webex.resetRequests();

        HttpResponse<String> updated = notify("updated-1", "user.json", Map.of("type", "USER_UPDATED", "userEmail", ALICE,
                "firstName", "Alicia", "lastName", "Admin"));

        assertThat(updated.body()).contains("\"success\":true", "Webex keeps the names it has");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anOrderWhoseCreatorHasNoAddressAndWhoseCompanyHasNoEmailOrPhoneCreatesTheCustomerWithTheBuyersEmail() throws Exception {
        upstreams.customerNotFound();
        upstreams.customerCreatedThenProvisioned();
        upstreams.precheckSucceeds();
        upstreams.subscriberCreated(ALICE, "webex_meetings");

        HttpResponse<String> order = notify("order-sparse", "order-without-contact-details.json",
                Map.of("edition", "webex_meetings", "seats", "3"));

        assertThat(order.statusCode()).isEqualTo(200);
        assertThat(order.body()).isEqualTo("{\"success\":true,\"accountIdentifier\":\"" + ACCOUNT
                + "\",\"message\":\"" + ALICE + " is subscribed to webex_meetings\"}");
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/customers"))
                .withRequestBody(matchingJsonPath("$.customerInfo.primaryEmail", equalTo(ALICE)))
                .withRequestBody(matchingJsonPath("$.customerInfo.name", equalTo("Contoso Ltd"))));
        upstreams.webex.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers"))
                .withRequestBody(equalToJson(createRequest(ALICE, "Alice", "Admin", "webex_meetings", ""))));
    }

    @Test
    void aLegacyAddOnEventIsAnsweredConfigurationErrorNamingItsType() throws Exception {
        HttpResponse<String> addon = notify("addon-1", "addon-order.json", Map.of());

        assertThat(addon.body()).isEqualTo("{\"success\":false,\"errorCode\":\"CONFIGURATION_ERROR\",\"message\":"
                + "\"Event type ADDON_ORDER is not supported by this connector\"}");
        upstreams.webex.verify(0, anyRequestedFor(anyUrl()));
    }
}
