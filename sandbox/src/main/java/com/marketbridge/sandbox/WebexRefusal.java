package com.marketbridge.sandbox;

/** A non-2xx answer of the simulated Webex, written as Webex's error envelope with a tracking id. */
final class WebexRefusal extends RuntimeException {

    private final int status;
    private final Integer errorCode;

    WebexRefusal(int status, String description, Integer errorCode) {
        super(description, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
    }

    WebexRefusal(int status, String description) {
        this(status, description, null);
    }

    int status() {
        return status;
    }

    Integer errorCode() {
        return errorCode;
    }
}
