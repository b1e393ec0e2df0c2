package com.marketbridge.adapter.webex;

import com.marketbridge.adapter.webex.WebexCalls.Subject;
import com.marketbridge.application.port.out.WebexLocations;
import com.marketbridge.domain.customer.PostalAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An organization's locations over {@code GET /locations}. */
final class WebexLocationsAdapter implements WebexLocations {

    private final WebexApi api;
    private final WebexCalls calls;
    private final NextLinks links;

    WebexLocationsAdapter(WebexApi api, WebexCalls calls, NextLinks links) {
        this.api = api;
        this.calls = calls;
        this.links = links;
    }

    @Override
    public Optional<String> locationIdFor(String orgId, PostalAddress address) {
        List<LocationDto> locations = Page.all(links, "list locations",
                        () -> calls.call("list locations", Subject.LOCATION, () -> api.locations(orgId)),
                        next -> calls.call("list locations", Subject.LOCATION, () -> api.locations(next)))
                .toList();
        return locations.stream().filter(location -> isAt(location, address)).findFirst()
                .or(() -> locations.stream().findFirst())
                .map(LocationDto::id);
    }

    private static boolean isAt(LocationDto location, PostalAddress address) {
        LocationDto.LocationAddressDto at = location.address();
        return at != null && same(at.address1(), address.line1()) && same(at.city(), address.city())
                && same(at.postalCode(), address.zip());
    }

    private static boolean same(String webex, String ours) {
        return normalized(webex).equals(normalized(ours));
    }

    private static String normalized(String value) {
        return value == null ? "" : value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
