package com.marketbridge.application.port.out;

import com.marketbridge.application.port.in.InboundNotification;

/** Tells whether a notification really comes from the marketplace (Basic credentials, OAuth signature, ...). */
public interface MarketplaceCredentials {

    /** The verdict on the notification; a failure to verify is a rejection, not an exception. */
    Verification verify(InboundNotification notification);

    /** The verdict; {@code reason} explains a rejection for the log and never repeats a secret. */
    record Verification(boolean verified, String reason) {

        /** The notification is the marketplace's. */
        public static Verification accepted() {
            return new Verification(true, "verified");
        }

        /** The notification is not authenticated, for {@code reason}. */
        public static Verification rejected(String reason) {
            return new Verification(false, reason);
        }
    }
}
