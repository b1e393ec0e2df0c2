package com.marketbridge.application.service.fulfilment;

/** What a DEACTIVATED notice does: remove the users' subscribers (the default), or nothing at all. */
public enum DeactivationPolicy {
    /** Suspend: every user's subscriber is removed, persons and the record are kept for a reactivation. */
    REMOVE,
    /** Answer success and change nothing, for partners who handle overdue payments outside Webex. */
    IGNORE
}
