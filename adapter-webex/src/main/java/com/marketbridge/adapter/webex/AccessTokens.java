package com.marketbridge.adapter.webex;

import com.marketbridge.domain.credential.Secret;

/** Where the bearer token of each call comes from, and what happens when Webex rejects it. */
interface AccessTokens {

    String current();

    /**
     * The generation of the token {@link #current()} hands out; it changes with the token, so a 401 on a token
     * another caller already replaced does not trigger a second refresh.
     */
    long generation();

    /** After a 401 on the token of {@code rejectedGeneration}: true when a newer token is now current. */
    boolean renew(long rejectedGeneration);

    /** What the operator should check when Webex keeps rejecting the token. */
    String rejectionAdvice();

    /** A bearer token from {@code WEBEX_TOKEN}: it cannot be renewed, only replaced by the operator. */
    record Static(Secret token) implements AccessTokens {

        @Override
        public String current() {
            return token.value();
        }

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public boolean renew(long rejectedGeneration) {
            return false;
        }

        @Override
        public String rejectionAdvice() {
            return "Webex rejected WEBEX_TOKEN: it expired or lacks the wholesale scopes; set a fresh token";
        }
    }
}
