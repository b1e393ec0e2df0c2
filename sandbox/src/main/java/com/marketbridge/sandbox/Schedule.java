package com.marketbridge.sandbox;

import java.time.Duration;

/** Runs work later, off the request threads: how the simulated Webex finishes provisioning a customer. */
@FunctionalInterface
interface Schedule {

    void after(Duration delay, Runnable work);
}
