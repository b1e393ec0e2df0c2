package com.marketbridge.application.port.out;

/** The people (user identities) of a customer's Webex organization. */
public interface WebexPeople {

    /** Deletes the person with this email, so the address can join another organization. False if there was none. */
    boolean removeByEmail(String orgId, String email);

    /** Deletes the person with this id; the email names it in messages. False when Webex has no such person. */
    boolean removeById(String personId, String email);
}
