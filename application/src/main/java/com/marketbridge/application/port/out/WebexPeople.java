package com.marketbridge.application.port.out;

/** The people (user identities) of a customer's Webex organization. */
public interface WebexPeople {

    /** Deletes the person with this email, so the address can join another organization. False if there was none. */
    boolean remove(String orgId, String email);
}
