package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.WebexExtensions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Free extensions found with {@code validateExtensions}: the configured range is scanned from the bottom,
 * a batch of candidates per call, for a bounded number of calls, so the same state gives the same answer.
 */
final class WebexExtensionsAdapter implements WebexExtensions {

    static final int CANDIDATES_PER_CALL = 10;
    static final int MAX_CALLS = 5;

    private final WebexApi api;
    private final WebexCalls calls;
    private final int from;
    private final int to;

    WebexExtensionsAdapter(WebexApi api, WebexCalls calls, int from, int to) {
        this.api = api;
        this.calls = calls;
        this.from = from;
        this.to = to;
    }

    @Override
    public Optional<String> findFree(String orgId, String locationId) {
        for (int call = 0; call < MAX_CALLS; call++) {
            int first = from + call * CANDIDATES_PER_CALL;
            if (first > to) {
                break;
            }
            List<String> candidates = IntStream.rangeClosed(first, Math.min(to, first + CANDIDATES_PER_CALL - 1))
                    .mapToObj(Integer::toString).toList();
            ExtensionVerdictDto verdict = calls.call("validate extensions", Subject.LOCATION,
                    () -> api.validateExtensions(orgId, locationId, new ExtensionCandidatesDto(candidates)));
            Optional<String> free = firstValid(candidates, verdict);
            if (free.isPresent()) {
                return free;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstValid(List<String> candidates, ExtensionVerdictDto verdict) {
        if ("OK".equalsIgnoreCase(verdict.status())) {
            return Optional.of(candidates.get(0));
        }
        Map<String, String> states = verdict.extensionStatus() == null ? Map.of()
                : verdict.extensionStatus().stream().collect(Collectors.toMap(
                        ExtensionVerdictDto.StateDto::extension, ExtensionVerdictDto.StateDto::state,
                        (one, other) -> one));
        return candidates.stream().filter(candidate -> "VALID".equalsIgnoreCase(states.get(candidate))).findFirst();
    }
}
