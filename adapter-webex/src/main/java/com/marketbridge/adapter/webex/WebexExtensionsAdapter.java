package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.WebexExtensions;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Free extensions of a location, asked of Webex with {@code validateExtensions}. */
final class WebexExtensionsAdapter implements WebexExtensions {

    private final WebexApi api;
    private final WebexCalls calls;

    WebexExtensionsAdapter(WebexApi api, WebexCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    @Override
    public int maxCandidates() {
        return WebexAssumptions.EXTENSIONS_PER_VALIDATION;
    }

    /** {@code OK} means every candidate is valid; otherwise only those Webex lists as {@code VALID} are free. */
    @Override
    public Set<String> free(String orgId, String locationId, List<String> candidates) {
        if (candidates.size() > maxCandidates()) {
            throw new IllegalArgumentException("at most " + maxCandidates() + " candidates per call, got " + candidates.size());
        }
        ExtensionVerdictDto verdict = calls.call("validate extensions", Subject.LOCATION,
                () -> api.validateExtensions(orgId, locationId, new ExtensionCandidatesDto(candidates)));
        if ("OK".equalsIgnoreCase(verdict.status())) {
            return Set.copyOf(candidates);
        }
        List<ExtensionVerdictDto.StateDto> states = verdict.extensionStatus() == null ? List.of() : verdict.extensionStatus();
        return states.stream().filter(Objects::nonNull)
                .filter(state -> "VALID".equalsIgnoreCase(state.state()) && candidates.contains(state.extension()))
                .map(ExtensionVerdictDto.StateDto::extension)
                .collect(Collectors.toUnmodifiableSet());
    }
}
