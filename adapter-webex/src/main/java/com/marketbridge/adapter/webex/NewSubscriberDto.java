package com.marketbridge.adapter.webex;

import java.util.List;

/**
 * The body of {@code POST /wholesale/subscribers} and, without parameters, of its {@code /validate}.
 * Only {@code packages} is sent: Webex refuses a body with both it and the deprecated {@code package}.
 */
record NewSubscriberDto(String customerId, String email, List<String> packages,
                        ProvisioningParametersDto provisioningParameters) {

    /** Names for the new user, and where it lives when its package includes calling. */
    record ProvisioningParametersDto(String firstName, String lastName, String extension, String locationId) {
    }
}
