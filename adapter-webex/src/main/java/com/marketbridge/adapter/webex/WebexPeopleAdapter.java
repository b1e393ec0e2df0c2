package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.WebexPeople;
import java.util.Optional;

/** An organization's people over {@code /people}. */
final class WebexPeopleAdapter implements WebexPeople {

    private final WebexApi api;
    private final WebexCalls calls;

    WebexPeopleAdapter(WebexApi api, WebexCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public boolean removeByEmail(String orgId, String email) {
        Optional<String> personId = calls.call("look up person " + email, Subject.PERSON,
                        () -> api.people(email, orgId)).items().stream()
                .map(PersonDto::id).findFirst();
        return personId.isPresent() && removeById(personId.get(), email);
    }

    @Override
    public boolean removeById(String personId, String email) {
        return calls.delete("remove person " + email, Subject.PERSON, () -> api.removePerson(personId));
    }
}
