package com.marketbridge.application.port.out;

import java.util.List;
import java.util.Set;

/** Which extensions (short internal numbers) Webex accepts for a new user at a Webex Calling location. */
public interface WebexExtensions {

    /** The most candidates one {@link #free} call takes. */
    int maxCandidates();

    /**
     * Asks Webex which of the candidates are free at the location, changing nothing. A candidate left out of the
     * answer is used there already (by a user, a call park, a hunt group...) or not valid there.
     *
     * @param candidates at most {@link #maxCandidates()}, each once
     */
    Set<String> free(String orgId, String locationId, List<String> candidates);
}
