package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebexSubscribersAdapterTest extends WireMockWebex {

    static final String EMAIL = "maria.lopez@harbourdental.example";
    static final WebexPackage CALLING = new WebexPackage("webex_calling", true);
    static final WebexPackage SUITE = new WebexPackage("webex_suite", true);
    static final WebexPackage MEETINGS = new WebexPackage("webex_meetings", false);
    static final NewSubscriber MARIA = new NewSubscriber("CUST1", EMAIL, "Maria", "Lopez", CALLING,
            new CallingAssignment("LOC1", "2003"));
    static final WebexSubscriber SUBSCRIBED = new WebexSubscriber("SUB1", "CUST1", EMAIL, "webex_meetings",
            SubscriberStatus.PROVISIONED);
    static final String VALIDATE = "/v1/wholesale/subscribers/validate";
    static final String PRECHECK_BODY = "{\"customerId\":\"CUST1\",\"email\":\"" + EMAIL + "\",\"packages\":[\"webex_calling\"]}";

    @ParameterizedTest(name = "info as {0}")
    @ValueSource(strings = {"precheck-success-array.json", "precheck-success-object.json"})
    void givenAPassingPrecheck_validate_acceptsInfoAsObjectOrArray(String answer) {
        wm.stubFor(post(urlEqualTo(VALIDATE)).willReturn(okJson(json(answer))));

        webex.subscribers().validate("CUST1", EMAIL, CALLING);

        wm.verify(postRequestedFor(urlEqualTo(VALIDATE)).withRequestBody(equalToJson(PRECHECK_BODY)));
    }

    @Test
    void givenTheEmailBelongsToAUser_validate_failsWithUserAlreadyExistsWebexDescriptionAndTrackingId() {
        wm.stubFor(post(urlEqualTo(VALIDATE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(json("error-user-exists.json"))));

        assertThatThrownBy(() -> webex.subscribers().validate("CUST1", EMAIL, CALLING))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.USER_ALREADY_EXISTS);
                    assertThat(e.getMessage()).contains("The email is already associated with an existing user.");
                    assertThat(e.trackingId()).contains("ROUTERGW_7c1f6a52-5a2e-4a9b-8a3a-0d2b9f1e6c11");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"message\":\"Conflict\",\"errors\":[{\"errorCode\":9495,\"description\":\"Not available.\"}],\"trackingId\":\"T1\"}",
            "{\"message\":\"[Error 9495] The extension is not available. It is already assigned as a Call Park Extension.\"}",
            "{\"errors\":[{\"description\":\"Extension 2001 already in use at this location.\"}]}"})
    void givenWebexSaysTheExtensionIsTaken_create_failsExtensionTakenNotUserExists(String body) {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/subscribers")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json").withBody(body)));

        assertThatThrownBy(() -> webex.subscribers().create(new NewSubscriber("CUST1", EMAIL, "Maria", "Lopez", CALLING,
                new CallingAssignment("LOC1", "2001"))))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.EXTENSION_TAKEN));
    }

    @Test
    void givenAnotherPrecheckError_validate_failsAsRejectedWithWebexDescriptionAndTrackingId() {
        wm.stubFor(post(urlEqualTo(VALIDATE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(json("error-bad-request.json"))));

        assertThatThrownBy(() -> webex.subscribers().validate("CUST1", EMAIL, CALLING))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                    assertThat(e.getMessage()).contains("HTTP 400", "The package webex_voice is not enabled for this customer.");
                    assertThat(e.trackingId()).contains("ROUTERGW_1a2b3c4d-0000-4000-8000-123456789abc");
                });
    }

    @Test
    void givenA200PrecheckThatIsNotASuccess_validate_failsAsRejectedCarryingWebexMessage() {
        wm.stubFor(post(urlEqualTo(VALIDATE)).willReturn(okJson(json("precheck-refused-200.json"))));

        assertThatThrownBy(() -> webex.subscribers().validate("CUST1", EMAIL, CALLING))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_REJECTED);
                    assertThat(e.getMessage()).contains("Provisioning precheck failed.", "The customer has reached its user limit.");
                });
    }

    @Test
    void givenA200_create_sendsPackagesAndCallingParametersAndReturnsTheProvisionedSubscriber() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/subscribers")).willReturn(okJson(json("subscriber-provisioned.json"))));

        WebexSubscriber created = webex.subscribers().create(MARIA);

        assertThat(created).isEqualTo(new WebexSubscriber("SUB1", "CUST1", EMAIL, "webex_calling", SubscriberStatus.PROVISIONED,
                "PERSON1"));
        wm.verify(postRequestedFor(urlEqualTo("/v1/wholesale/subscribers"))
                .withRequestBody(equalToJson(json("subscriber-create-request.json"))));
    }

    @Test
    void givenA202_create_returnsPendingUserMigrationNotSuccess() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/subscribers"))
                .willReturn(okJson(json("subscriber-pending.json")).withStatus(202)));

        assertThat(webex.subscribers().create(MARIA).status()).isEqualTo(SubscriberStatus.PENDING_USER_MIGRATION);
    }

    @Test
    void givenAMeetingsSubscriber_create_sendsNamesOnly() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/subscribers")).willReturn(okJson(json("subscriber-provisioned.json"))));

        webex.subscribers().create(new NewSubscriber("CUST1", EMAIL, "Maria", "Lopez", MEETINGS, null));

        wm.verify(postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")).withRequestBody(equalToJson(
                "{\"customerId\":\"CUST1\",\"email\":\"" + EMAIL + "\",\"packages\":[\"webex_meetings\"],"
                        + "\"provisioningParameters\":{\"firstName\":\"Maria\",\"lastName\":\"Lopez\"}}")));
    }

    @Test
    void givenA503OnCreateButTheSubscriberExists_create_returnsItWithoutPostingAgain() {
        wm.stubFor(post(urlEqualTo("/v1/wholesale/subscribers")).willReturn(serviceUnavailable()));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example"))
                .willReturn(okJson("{\"items\":[" + json("subscriber-provisioned.json") + "]}")));

        WebexSubscriber created = webex.subscribers().create(MARIA);

        assertThat(created.id()).isEqualTo("SUB1");
        wm.verify(1, postRequestedFor(urlEqualTo("/v1/wholesale/subscribers")));
    }

    @Test
    void givenTheSubscriberOnPage2_find_followsTheNextLinkAndMatchesTheEmailIgnoringCase() {
        wm.stubFor(get(urlEqualTo("/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example"))
                .willReturn(okJson(json("subscribers-page-1.json")).withHeader("Link",
                        nextLink("/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example&max=50&offset=50"))));
        wm.stubFor(get(urlEqualTo("/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example&max=50&offset=50"))
                .willReturn(okJson(json("subscribers-page-2.json"))));

        Optional<WebexSubscriber> found = webex.subscribers().find("CUST1", EMAIL);

        assertThat(found).contains(new WebexSubscriber("SUB1", "CUST1", "Maria.Lopez@harbourdental.example",
                "webex_meetings", SubscriberStatus.PENDING_USER_MIGRATION));
    }

    @Test
    void givenNoSuchSubscriber_find_isEmpty() {
        wm.stubFor(get(urlEqualTo("/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example"))
                .willReturn(okJson(json("empty-list.json"))));

        assertThat(webex.subscribers().find("CUST1", EMAIL)).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example")));
    }

    @Test
    void givenACallingAssignment_changePackage_sendsPackagesAndCallingParameters() {
        wm.stubFor(put(urlEqualTo("/v1/wholesale/subscribers/SUB1")).willReturn(okJson(json("subscriber-suite.json"))));

        WebexSubscriber changed = webex.subscribers().changePackage(SUBSCRIBED, SUITE,
                Optional.of(new CallingAssignment("LOC1", "2003")));

        assertThat(changed).isEqualTo(new WebexSubscriber("SUB1", "CUST1", EMAIL, "webex_suite", SubscriberStatus.PROVISIONED));
        wm.verify(putRequestedFor(urlEqualTo("/v1/wholesale/subscribers/SUB1")).withRequestBody(equalToJson(
                "{\"packages\":[\"webex_suite\"],\"provisioningParameters\":{\"extension\":\"2003\",\"locationId\":\"LOC1\"}}")));
    }

    @Test
    void givenNoCallingAssignment_changePackage_sendsOnlyThePackages() {
        wm.stubFor(put(urlEqualTo("/v1/wholesale/subscribers/SUB1")).willReturn(okJson(json("subscriber-suite.json"))));

        webex.subscribers().changePackage(SUBSCRIBED, SUITE, Optional.empty());

        wm.verify(putRequestedFor(urlEqualTo("/v1/wholesale/subscribers/SUB1"))
                .withRequestBody(equalToJson("{\"packages\":[\"webex_suite\"]}")));
    }

    @Test
    void givenA204_remove_deletesTheSubscriber() {
        wm.stubFor(delete(urlEqualTo("/v1/wholesale/subscribers/SUB1")).willReturn(aResponse().withStatus(204)));

        assertThat(webex.subscribers().remove("SUB1", EMAIL)).isTrue();

        wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/SUB1")));
    }

    @Test
    void givenTheSubscriberIsAlreadyGone_remove_answersFalseOnThe404() {
        wm.stubFor(delete(urlEqualTo("/v1/wholesale/subscribers/SUB1")).willReturn(notFound()));

        assertThat(webex.subscribers().remove("SUB1", EMAIL)).isFalse();

        wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/wholesale/subscribers/SUB1")));
    }
}
