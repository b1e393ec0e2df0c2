package com.marketbridge.adapter.webex;

import java.util.List;

/** A wholesale customer as {@code GET /wholesale/customers[/{id}]} returns it; {@code orgId} once provisioned. */
record CustomerDto(String id, String orgId, String externalId, String status, ResourceDetailsDto resourceDetails,
                   List<ErrorDto.ErrorDetailDto> errors) {

    CustomerDto {
        WireShape.required(id, "a customer without its id");
    }

    /** Per-package progress, with the errors that explain {@code provisioned_with_errors}. */
    record ResourceDetailsDto(List<PackageDto> packages) {
    }

    /** One package of the customer. */
    record PackageDto(String name, String status, List<ErrorDto.ErrorDetailDto> errors) {
    }
}
