package com.marketbridge.application.service.fulfilment;

import com.marketbridge.application.port.out.ExtensionReservations;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.outcome.FailureReason;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.ExtensionRange;
import com.marketbridge.domain.subscription.SubscriptionUser;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which extension a calling user gets: the lowest number of the configured range that is not known to be taken at
 * the customer's location and that Webex reports free, reserved for the user before Webex is asked to use it, so
 * concurrent orders never pick the same one. Known to be taken are the numbers the connector reserved and those
 * Webex reported as used elsewhere; candidates go to Webex in batches as large as it takes, so a company's 1,000th
 * calling user costs one check, as its first did. The location is looked up once per organization.
 */
final class ExtensionPicker {

    /** How often a user's Webex call is made with another extension after Webex said the last one was taken. */
    static final int ATTEMPTS = 3;

    private final Webex webex;
    private final ExtensionReservations reservations;
    private final FulfilmentSettings settings;
    private final Map<String, String> locations = new ConcurrentHashMap<>();
    /**
     * Per location, the numbers of the range known to be taken (bit {@code n - from}), read from the reservations once
     * and kept up to date since; the reservations stay the truth. The next candidates are its next clear bits, so the
     * search costs the same for a company's 1,000th calling user as for its first.
     */
    private final Map<String, BitSet> taken = new ConcurrentHashMap<>();

    ExtensionPicker(Webex webex, ExtensionReservations reservations, FulfilmentSettings settings) {
        this.webex = webex;
        this.reservations = reservations;
        this.settings = settings;
    }

    /**
     * Runs {@code call} with an extension for the user: {@code preferred} (one recorded for them) if given, else
     * theirs or a newly reserved one. When Webex refuses it as taken meanwhile, the call is made again with the next
     * free one, {@link #ATTEMPTS} times at most. Any other refusal gives the reservation back; a transient failure
     * keeps it, since Webex may have used it, and the retry then continues with it.
     */
    <T> T withExtension(WebexCustomer customer, String email, Optional<CallingAssignment> preferred,
                        Function<CallingAssignment, T> call) {
        CallingAssignment assignment = preferred.orElseGet(() -> assign(customer, email));
        for (int attempt = 1; ; attempt++) {
            try {
                return call.apply(assignment);
            } catch (UpstreamException e) {
                if (e.reason() == FailureReason.EXTENSION_TAKEN && attempt < ATTEMPTS) {
                    usedElsewhere(assignment);
                    assignment = assign(customer, email);
                    continue;
                }
                if (e.reason() != FailureReason.UPSTREAM_UNAVAILABLE) {
                    release(assignment, email);
                }
                throw e;
            }
        }
    }

    /** The extension reserved for the user at the customer's location, if any. */
    Optional<CallingAssignment> reservedFor(WebexCustomer customer, String email) {
        String locationId = locationOf(customer);
        return reservations.heldBy(locationId, holder(email)).map(extension -> new CallingAssignment(locationId, extension));
    }

    /** Frees the recorded user's extension, if they had one, for reuse: they left Webex Calling. */
    void releaseOf(SubscriptionUser user) {
        user.optionalCalling().ifPresent(calling -> release(calling, user.email()));
    }

    private void release(CallingAssignment calling, String email) {
        reservations.release(calling.locationId(), holder(email));
        mark(calling.locationId(), calling.extension(), false);
    }

    /**
     * The user's reserved extension, else the lowest free one, reserved now.
     *
     * @throws UpstreamException {@code CONFIGURATION_ERROR} when the organization has no location, or when no number
     *                           of the range is free there
     */
    private CallingAssignment assign(WebexCustomer customer, String email) {
        Optional<CallingAssignment> reserved = reservedFor(customer, email);
        if (reserved.isPresent()) {
            return reserved.get();
        }
        String locationId = locationOf(customer);
        ExtensionRange range = settings.extensions();
        int next = range.from();
        int checked = 0;
        List<String> candidates;
        while (!(candidates = candidatesFrom(locationId, next)).isEmpty()) {
            next = Integer.parseInt(candidates.get(candidates.size() - 1)) + 1;
            checked += candidates.size();
            Set<String> free = webex.extensions().free(customer.orgId(), locationId, candidates);
            for (String candidate : candidates) {
                if (!free.contains(candidate)) {
                    reservations.usedElsewhere(locationId, candidate);
                    mark(locationId, candidate, true);
                } else if (reservations.reserve(locationId, candidate, holder(email))) {
                    mark(locationId, candidate, true);
                    return new CallingAssignment(locationId, candidate);
                } else {
                    mark(locationId, candidate, true); // another order took it first
                }
            }
        }
        throw new UpstreamException(FailureReason.CONFIGURATION_ERROR, "No extension of the range " + range
                + " is free at the calling location of customer " + customer.externalId() + ": " + checked
                + " checked with Webex, the other " + (range.size() - checked) + " known to be taken");
    }

    private void usedElsewhere(CallingAssignment assignment) {
        reservations.usedElsewhere(assignment.locationId(), assignment.extension());
        mark(assignment.locationId(), assignment.extension(), true);
    }

    /** The next numbers from {@code first} on not known to be taken at the location, as many as one check takes. */
    private List<String> candidatesFrom(String locationId, int first) {
        ExtensionRange range = settings.extensions();
        int max = webex.extensions().maxCandidates();
        List<String> candidates = new ArrayList<>(max);
        BitSet known = knownTaken(locationId);
        synchronized (known) {
            for (int bit = known.nextClearBit(first - range.from()); bit < range.size() && candidates.size() < max;
                    bit = known.nextClearBit(bit + 1)) {
                candidates.add(Integer.toString(range.from() + bit));
            }
        }
        return candidates;
    }

    private void mark(String locationId, String extension, boolean isTaken) {
        BitSet known = knownTaken(locationId);
        synchronized (known) {
            bitOf(extension).ifPresent(bit -> known.set(bit, isTaken));
        }
    }

    private BitSet knownTaken(String locationId) {
        return taken.computeIfAbsent(locationId, id -> {
            BitSet known = new BitSet(settings.extensions().size());
            reservations.taken(id).forEach(extension -> bitOf(extension).ifPresent(known::set));
            return known;
        });
    }

    /** The extension's bit, if it is a number of the range (the store may hold others, from an earlier range). */
    private OptionalInt bitOf(String extension) {
        ExtensionRange range = settings.extensions();
        try {
            int number = Integer.parseInt(extension);
            return number >= range.from() && number <= range.to() ? OptionalInt.of(number - range.from()) : OptionalInt.empty();
        } catch (NumberFormatException notANumber) {
            return OptionalInt.empty();
        }
    }

    /** The customer's location at the partner's address, else its first; asked of Webex once per organization. */
    private String locationOf(WebexCustomer customer) {
        String orgId = customer.orgId();
        String known = locations.get(orgId);
        if (known != null) {
            return known;
        }
        String found = webex.locations().locationIdFor(orgId, settings.template().address())
                .orElseThrow(() -> new UpstreamException(FailureReason.CONFIGURATION_ERROR,
                        "The Webex organization of customer " + customer.externalId() + " has no calling location"));
        locations.put(orgId, found);
        return found;
    }

    private static String holder(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
