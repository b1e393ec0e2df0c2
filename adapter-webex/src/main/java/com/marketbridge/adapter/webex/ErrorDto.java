package com.marketbridge.adapter.webex;

import java.util.List;

/** Webex's error envelope: {@code {message, errors[{description, errorCode}], trackingId}}. */
record ErrorDto(String message, List<ErrorDetailDto> errors, String trackingId) {

    /** One problem; {@code errorCode} is absent on many Webex errors. */
    record ErrorDetailDto(String description, Integer errorCode) {
    }
}
