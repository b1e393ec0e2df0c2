package com.marketbridge.adapter.http;

import io.javalin.http.HttpStatus;

/** Why an admin API call is answered with an error: its status, and the JSON {@code {"error": ..., "message": ...}}. */
final class AdminProblem extends RuntimeException {

    private final HttpStatus status;
    private final String error;

    AdminProblem(HttpStatus status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static AdminProblem invalid(String message) {
        return new AdminProblem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", message);
    }

    static AdminProblem notFound(String message) {
        return new AdminProblem(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    HttpStatus status() {
        return status;
    }

    ApiError document() {
        return new ApiError(error, getMessage());
    }
}
