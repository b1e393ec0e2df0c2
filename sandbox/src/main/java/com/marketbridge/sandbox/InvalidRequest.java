package com.marketbridge.sandbox;

/** A call to a sandbox control endpoint that cannot be done as asked: a 400 with a message naming what is wrong. */
final class InvalidRequest extends RuntimeException {

    InvalidRequest(String message) {
        super(message, null, false, false);
    }
}
