package com.marketbridge.application.service.fulfilment;

import java.time.Duration;

/** Pauses the current thread; tests replace it with one that moves a fake clock instead. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> Thread.sleep(duration.toMillis());
    }
}
