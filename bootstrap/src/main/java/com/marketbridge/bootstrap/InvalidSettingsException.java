package com.marketbridge.bootstrap;

import java.util.List;

/** Every missing or malformed setting found at startup, named in one message; never carries a value. */
final class InvalidSettingsException extends RuntimeException {

    InvalidSettingsException(List<String> problems) {
        super("MarketBridge cannot start; fix these settings (environment variables or .env):\n  - "
                + String.join("\n  - ", problems));
    }
}
