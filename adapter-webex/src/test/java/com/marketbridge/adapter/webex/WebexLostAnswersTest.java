package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers lost on the way back: a 2xx whose body is not the JSON promised, or a body broken off after Webex had the
 * request. Webex may have done what was asked, so a create or change is checked before it is sent again, and
 * anything else is asked again; none of it is a final failure.
 */
class WebexLostAnswersTest extends WireMockWebex {

    static final String EMAIL = WebexSubscribersAdapterTest.EMAIL;
    static final String SUBSCRIBERS = "/v1/wholesale/subscribers";
    static final String FIND_MARIA = "/v1/wholesale/subscribers?customerId=CUST1&email=maria.lopez%40harbourdental.example";
    static final String VALIDATE = WebexSubscribersAdapterTest.VALIDATE;
    static final String CUSTOMERS = "/v1/wholesale/customers";
    static final String FIND_CUSTOMER = "/v1/wholesale/customers?externalId=crm-000451";
    static final NewSubscriber MARIA = new NewSubscriber("CUST1", EMAIL, "Maria", "Lopez",
            new WebexPackage("webex_meetings", false), null);
    static final String PROXY_PAGE = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>"
            + "<p>The upstream server did not answer.</p>".repeat(20) + "<p>request-echo: Bearer leaked-tail</p></body></html>";

    /** The ways an answer gets lost after Webex had the request. */
    enum LostAnswer {
        HTML_PAGE(() -> aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(PROXY_PAGE)),
        CUT_OFF_JSON(() -> cutOff("{\"id\":\"SUB1\",\"em")),
        EMPTY_BODY(() -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")),
        JSON_WITHOUT_ID(() -> okJson("{\"email\":\"" + EMAIL + "\",\"status\":\"provisioned\"}")),
        MALFORMED_CHUNK(() -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
        RANDOM_DATA_THEN_CLOSE(() -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

        private final Supplier<ResponseDefinitionBuilder> answer;

        LostAnswer(Supplier<ResponseDefinitionBuilder> answer) {
            this.answer = answer;
        }

        ResponseDefinitionBuilder answer() {
            return answer.get();
        }
    }

    /**
     * HTTP/1.1 only: WireMock's faults write to the socket, which HTTP/1.1 reads as the broken answer they stand for.
     * Over h2c a malformed chunk may leave the body open for good, a stall rather than a lost answer.
     */
    @Override
    WireMockConfiguration server() {
        return super.server().http2PlainDisabled(true);
    }

    /** JSON cut off, with a Content-Length that matches what was sent: nothing at the HTTP level is amiss. */
    static ResponseDefinitionBuilder cutOff(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Content-Length", String.valueOf(json.getBytes(StandardCharsets.UTF_8).length)).withBody(json);
    }

    @ParameterizedTest
    @EnumSource(LostAnswer.class)
    void givenTheAnswerToASubscriberCreateIsLost_create_findsTheSubscriberItMadeWithoutPostingAgain(LostAnswer lost) {
        wm.stubFor(post(urlEqualTo(SUBSCRIBERS)).inScenario("create").willReturn(lost.answer()).willSetStateTo("made"));
        wm.stubFor(get(urlEqualTo(FIND_MARIA)).inScenario("create").whenScenarioStateIs("made")
                .willReturn(okJson("{\"items\":[" + json("subscriber-provisioned.json") + "]}")));

        WebexSubscriber created = webex.subscribers().create(MARIA);

        assertThat(created.id()).isEqualTo("SUB1");
        wm.verify(1, postRequestedFor(urlEqualTo(SUBSCRIBERS)));
        wm.verify(1, getRequestedFor(urlEqualTo(FIND_MARIA)));
    }

    @Test
    void givenAnHtmlPageAnsweringASubscriberCreateThatMadeNothing_create_looksUpThenPostsAgain() {
        stubInSequence(() -> post(urlEqualTo(SUBSCRIBERS)), LostAnswer.HTML_PAGE.answer(),
                okJson(json("subscriber-provisioned.json")));
        wm.stubFor(get(urlEqualTo(FIND_MARIA)).willReturn(okJson(json("empty-list.json"))));

        assertThat(webex.subscribers().create(MARIA).id()).isEqualTo("SUB1");

        assertThat(wm.getAllServeEvents()).extracting(event -> event.getRequest().getMethod().getName())
                .containsExactly("POST", "GET", "POST");
    }

    /** The lookup ran before Webex listed the new subscriber; the second POST is refused because the first made it. */
    @Test
    void givenARefusalAfterALostAnswer_create_looksUpAgainAndFindsWhatTheLostCallMade() {
        stubInSequence(() -> post(urlEqualTo(SUBSCRIBERS)), serviceUnavailable(), aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(json("error-user-exists.json")));
        stubInSequence(() -> get(urlEqualTo(FIND_MARIA)), okJson(json("empty-list.json")),
                okJson("{\"items\":[" + json("subscriber-provisioned.json") + "]}"));

        assertThat(webex.subscribers().create(MARIA).id()).isEqualTo("SUB1");

        wm.verify(2, postRequestedFor(urlEqualTo(SUBSCRIBERS)));
        wm.verify(2, getRequestedFor(urlEqualTo(FIND_MARIA)));
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"HTML_PAGE", "CUT_OFF_JSON", "EMPTY_BODY", "MALFORMED_CHUNK"})
    void givenALostAnswerToAPrecheck_validate_asksAgain(LostAnswer lost) {
        stubInSequence(() -> post(urlEqualTo(VALIDATE)), lost.answer(), okJson(json("precheck-success-array.json")));

        webex.subscribers().validate("CUST1", EMAIL, MARIA.webexPackage());

        wm.verify(2, postRequestedFor(urlEqualTo(VALIDATE)));
    }

    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"HTML_PAGE", "CUT_OFF_JSON", "EMPTY_BODY"})
    void givenALostAnswerToACustomerCreate_create_findsTheCustomerByItsExternalIdWithoutPostingAgain(LostAnswer lost) {
        wm.stubFor(post(urlEqualTo(CUSTOMERS)).willReturn(lost.answer()));
        wm.stubFor(get(urlEqualTo(FIND_CUSTOMER)).willReturn(okJson(json("customers-page-3.json"))));

        String id = webex.customers().create(new NewCustomer("crm-000451", "Harbour Dental",
                "it-admin@harbourdental.example", null, WebexCustomersAdapterTest.TEMPLATE, false));

        assertThat(id).isEqualTo("CUST1");
        wm.verify(1, postRequestedFor(urlEqualTo(CUSTOMERS)));
        wm.verify(1, getRequestedFor(urlEqualTo(FIND_CUSTOMER)));
    }

    @Test
    void givenALostAnswerToAPackageChangeThatWasMade_changePackage_findsTheSubscriberWithTheTargetPackage() {
        wm.stubFor(put(urlEqualTo(SUBSCRIBERS + "/SUB1")).willReturn(LostAnswer.CUT_OFF_JSON.answer()));
        wm.stubFor(get(urlEqualTo(FIND_MARIA)).willReturn(okJson("{\"items\":[" + json("subscriber-suite.json") + "]}")));

        WebexSubscriber changed = webex.subscribers().changePackage(WebexSubscribersAdapterTest.SUBSCRIBED,
                WebexSubscribersAdapterTest.SUITE, Optional.empty());

        assertThat(changed).isEqualTo(new WebexSubscriber("SUB1", "CUST1", EMAIL, "webex_suite", SubscriberStatus.PROVISIONED));
        wm.verify(1, putRequestedFor(urlEqualTo(SUBSCRIBERS + "/SUB1")));
    }

    @Test
    void givenALostAnswerToAPackageChangeThatWasNotMade_changePackage_sendsItAgain() {
        stubInSequence(() -> put(urlEqualTo(SUBSCRIBERS + "/SUB1")), LostAnswer.HTML_PAGE.answer(),
                okJson(json("subscriber-suite.json")));
        wm.stubFor(get(urlEqualTo(FIND_MARIA)).willReturn(okJson("{\"items\":[" + json("subscriber-provisioned.json") + "]}")));

        WebexSubscriber changed = webex.subscribers().changePackage(WebexSubscribersAdapterTest.SUBSCRIBED,
                WebexSubscribersAdapterTest.SUITE, Optional.empty());

        assertThat(changed.packageName()).isEqualTo("webex_suite");
        wm.verify(2, putRequestedFor(urlEqualTo(SUBSCRIBERS + "/SUB1")));
    }

    /** The retry of a delete whose answer was lost finds nothing to delete: that is the delete done. */
    @Test
    void givenALostAnswerToADelete_remove_deletesAgainAndTakesThe404AsDone() {
        stubInSequence(() -> delete(urlEqualTo(SUBSCRIBERS + "/SUB1")), LostAnswer.RANDOM_DATA_THEN_CLOSE.answer(),
                notFound());

        webex.subscribers().remove("SUB1", WebexSubscribersAdapterTest.EMAIL);

        wm.verify(2, deleteRequestedFor(urlEqualTo(SUBSCRIBERS + "/SUB1")));
    }

    /** An empty list would say "no such customer", and the order would create a second one. */
    @ParameterizedTest
    @EnumSource(value = LostAnswer.class, names = {"HTML_PAGE", "EMPTY_BODY", "MALFORMED_CHUNK"})
    void givenALostAnswerToAList_findByExternalId_asksAgainInsteadOfFindingNothing(LostAnswer lost) {
        stubInSequence(() -> get(urlEqualTo(FIND_CUSTOMER)), lost.answer(), okJson(json("customers-page-3.json")));

        assertThat(webex.customers().findByExternalId("crm-000451")).isPresent();

        wm.verify(2, getRequestedFor(urlEqualTo(FIND_CUSTOMER)));
    }

    @Test
    void givenAListThatIsNotAnObject_find_asksAgain() {
        stubInSequence(() -> get(urlEqualTo(FIND_MARIA)), okJson("[]"), okJson(json("subscribers-page-2.json")));

        assertThat(webex.subscribers().find("CUST1", EMAIL)).isPresent();

        wm.verify(2, getRequestedFor(urlEqualTo(FIND_MARIA)));
    }

    @Test
    void givenWebexKeepsAnsweringAProxysPage_get_failsUnavailableQuotingOnlyThePagesStart() {
        wm.stubFor(get(urlEqualTo(CUSTOMERS + "/CUST1")).willReturn(LostAnswer.HTML_PAGE.answer()));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("read customer CUST1 after 4 attempts",
                                    "Webex answered HTTP 200 with a body that is not JSON (text/html: \"<html> <head><title>502 Bad Gateway")
                            .doesNotContain("leaked-tail").hasSizeLessThan(300);
                });
        wm.verify(FAST.maxAttempts(), getRequestedFor(urlEqualTo(CUSTOMERS + "/CUST1")));
    }

    static Stream<Arguments> unreadableCustomers() {
        return Stream.of(
                Arguments.of(cutOff("{\"id\":\"CUST1\", "), "Webex answered HTTP 200 with JSON cut off after 15 bytes"),
                Arguments.of(okJson("{\"status\":\"provisioned\"}"),
                        "Webex answered HTTP 200 with JSON of another shape than expected (a customer without its id)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("unreadableCustomers")
    void givenWebexKeepsAnsweringUnreadably_get_failsUnavailableSayingWhy(ResponseDefinitionBuilder answer, String why) {
        wm.stubFor(get(urlEqualTo(CUSTOMERS + "/CUST1")).willReturn(answer));

        assertThatThrownBy(() -> webex.customers().get("CUST1"))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(FailureReason.UPSTREAM_UNAVAILABLE);
                    assertThat(e.getMessage()).endsWith(why);
                });
    }
}
