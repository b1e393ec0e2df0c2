package com.marketbridge.application.port.out;

import java.util.Optional;
import java.util.Set;

/**
 * The extensions taken at each Webex location as far as the connector knows: those it reserved for its calling
 * users (one per user and location), and those Webex reported as used by something else. A reservation is made
 * before the user is created at Webex, so that concurrent orders never pick the same number.
 */
public interface ExtensionReservations {

    /** Every extension known to be taken at the location, reserved or used elsewhere. */
    Set<String> taken(String locationId);

    /**
     * Reserves the extension for the holder, atomically: false, changing nothing, when the location has it
     * taken already (by another holder, or used elsewhere).
     */
    boolean reserve(String locationId, String extension, String holder);

    /** The extension the holder has reserved at the location. */
    Optional<String> heldBy(String locationId, String holder);

    /**
     * Records that Webex reports the extension as used by something the connector did not create, dropping any
     * reservation of it.
     */
    void usedElsewhere(String locationId, String extension);

    /** Gives back the holder's extension at the location, if it has one. */
    void release(String locationId, String holder);
}
