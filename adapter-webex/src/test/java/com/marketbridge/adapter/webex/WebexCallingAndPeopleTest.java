package com.marketbridge.adapter.webex;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketbridge.domain.customer.PostalAddress;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WebexCallingAndPeopleTest extends WireMockWebex {

    static final PostalAddress HARBOUR_ROAD = new PostalAddress("12 Harbour Road", "Springfield", "IL", "62701", "US");
    static final String VALIDATE_EXTENSIONS =
            "/v1/telephony/config/locations/LOC1/actions/validateExtensions/invoke?orgId=ORG1";
    static final String PEOPLE = "/v1/people?email=maria.lopez%40harbourdental.example&orgId=ORG1";
    static final String EMAIL = "maria.lopez@harbourdental.example";

    @Test
    void givenALocationAtTheTemplateAddress_locationIdFor_picksItOverTheFirst() {
        wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1")).willReturn(okJson(json("locations.json"))));

        assertThat(webex.locations().locationIdFor("ORG1", HARBOUR_ROAD)).contains("LOC1");
    }

    @Test
    void givenNoLocationAtTheTemplateAddress_locationIdFor_picksTheFirst() {
        wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1")).willReturn(okJson(json("locations.json"))));

        assertThat(webex.locations().locationIdFor("ORG1",
                new PostalAddress("1 Elsewhere Lane", "Springfield", "IL", "62701", "US"))).contains("LOC9");
    }

    @Test
    void givenNoLocations_locationIdFor_isEmpty() {
        wm.stubFor(get(urlEqualTo("/v1/locations?orgId=ORG1")).willReturn(okJson(json("empty-list.json"))));

        assertThat(webex.locations().locationIdFor("ORG1", HARBOUR_ROAD)).isEmpty();
    }

    @Test
    void givenSomeCandidatesTaken_free_answersOnlyThoseWebexListsAsValidFromOneCall() {
        wm.stubFor(post(urlEqualTo(VALIDATE_EXTENSIONS)).willReturn(okJson(json("validate-extensions-some-taken.json"))));

        assertThat(webex.extensions().free("ORG1", "LOC1", candidates(2000, 10))).containsExactlyInAnyOrder("2003", "2004");
        wm.verify(1, postRequestedFor(urlEqualTo(VALIDATE_EXTENSIONS))
                .withRequestBody(equalToJson(body(candidates(2000, 10)))));
    }

    @Test
    void givenAnOkVerdict_free_answersEveryCandidate() {
        wm.stubFor(post(urlEqualTo(VALIDATE_EXTENSIONS)).willReturn(okJson(json("validate-extensions-ok.json"))));

        List<String> candidates = candidates(2000, webex.extensions().maxCandidates());

        assertThat(webex.extensions().free("ORG1", "LOC1", candidates)).containsExactlyInAnyOrderElementsOf(candidates);
        wm.verify(postRequestedFor(urlEqualTo(VALIDATE_EXTENSIONS)).withRequestBody(equalToJson(body(candidates))));
    }

    @Test
    void givenAVerdictNamingNumbersNotAsked_free_ignoresThem() {
        wm.stubFor(post(urlEqualTo(VALIDATE_EXTENSIONS)).willReturn(okJson(
                "{\"status\":\"ERRORS\",\"extensionStatus\":[{\"extension\":\"9999\",\"state\":\"VALID\"},null,"
                        + "{\"extension\":\"2001\",\"state\":\"VALID\"}]}")));

        assertThat(webex.extensions().free("ORG1", "LOC1", candidates(2000, 2))).containsExactly("2001");
    }

    @Test
    void givenMoreCandidatesThanOneCallTakes_free_refusesWithoutCallingWebex() {
        List<String> tooMany = candidates(2000, webex.extensions().maxCandidates() + 1);

        assertThatThrownBy(() -> webex.extensions().free("ORG1", "LOC1", tooMany))
                .isInstanceOf(IllegalArgumentException.class);
        wm.verify(0, postRequestedFor(urlEqualTo(VALIDATE_EXTENSIONS)));
    }

    @Test
    void givenThePersonExists_remove_deletesItAndAnswersTrue() {
        wm.stubFor(get(urlEqualTo(PEOPLE)).willReturn(okJson(json("people.json"))));
        wm.stubFor(delete(urlEqualTo("/v1/people/PERSON1")).willReturn(aResponse().withStatus(204)));

        assertThat(webex.people().removeByEmail("ORG1", EMAIL)).isTrue();
        wm.verify(1, deleteRequestedFor(urlEqualTo("/v1/people/PERSON1")));
    }

    @Test
    void givenNoSuchPerson_remove_answersFalseWithoutDeleting() {
        wm.stubFor(get(urlEqualTo(PEOPLE)).willReturn(okJson(json("empty-list.json"))));

        assertThat(webex.people().removeByEmail("ORG1", EMAIL)).isFalse();
        wm.verify(0, deleteRequestedFor(urlPathMatching("/v1/people/.*")));
    }

    @Test
    void givenThePersonVanishesBeforeTheDelete_remove_answersFalse() {
        wm.stubFor(get(urlEqualTo(PEOPLE)).willReturn(okJson(json("people.json"))));
        wm.stubFor(delete(urlEqualTo("/v1/people/PERSON1")).willReturn(notFound()));

        assertThat(webex.people().removeByEmail("ORG1", EMAIL)).isFalse();
    }

    private static List<String> candidates(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(Integer::toString).toList();
    }

    private static String body(List<String> candidates) {
        return candidates.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(",", "{\"extensions\":[", "]}"));
    }
}
