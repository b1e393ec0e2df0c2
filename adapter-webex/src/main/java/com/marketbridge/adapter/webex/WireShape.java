package com.marketbridge.adapter.webex;

/**
 * What an answer's DTO cannot do without. Jackson reports a DTO's complaint as JSON of another shape, which
 * {@link WebexDecoder} makes an {@link UnreadableAnswer}: an answer without the id the caller acts on is not one.
 */
final class WireShape {

    private WireShape() {
    }

    static void required(String value, String complaint) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(complaint);
        }
    }
}
