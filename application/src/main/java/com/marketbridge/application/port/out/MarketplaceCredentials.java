package com.marketbridge.application.port.out;

import com.marketbridge.application.port.in.InboundNotification;

/** Tells whether a notification really comes from the marketplace (Basic credentials, OAuth signature, ...). */
public interface MarketplaceCredentials {

    Verification verify(InboundNotification notification);

    /** The verdict; {@code reason} explains a rejection for the log and never repeats a secret. */
    record Verification(boolean verified, String reason) {

        public static Verification accepted() {
            return new Verification(true, "verified");
        }

        public static Verification rejected(String reason) {
            return new Verification(false, reason);
        }
    }
}
