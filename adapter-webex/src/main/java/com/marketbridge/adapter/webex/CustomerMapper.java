package com.marketbridge.adapter.webex;

import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.customer.CustomerStatus;
import com.marketbridge.domain.customer.NewCustomer;
import com.marketbridge.domain.customer.PostalAddress;
import com.marketbridge.domain.customer.WebexCustomer;
import com.marketbridge.domain.outcome.FailureReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** Between the domain's customers and the wholesale customer wire shapes. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static NewCustomerDto toDto(NewCustomer customer) {
        AddressDto address = toDto(customer.template().address());
        NewCustomerDto.ProvisioningParametersDto parameters = customer.callingLocation()
                ? new NewCustomerDto.ProvisioningParametersDto(
                        new NewCustomerDto.CallingDto(new NewCustomerDto.CallingLocationDto(
                                WebexAssumptions.CALLING_LOCATION_NAME, address, customer.template().timezone(),
                                WebexAssumptions.locationLanguage(customer.optionalLocale()))),
                        new NewCustomerDto.MeetingsDto(customer.template().timezone()))
                : null;
        return new NewCustomerDto(customer.template().provisioningId(), customer.template().packages(),
                customer.externalId(), address,
                new NewCustomerDto.CustomerInfoDto(customer.name().replace("%", "").strip(), customer.primaryEmail(),
                        WebexAssumptions.customerLanguage(customer.optionalLocale())),
                parameters);
    }

    /** The new customer's id: the last path segment of the {@code Location} header, else of the body's {@code url}. */
    static String idOf(Reply<ResourceUrlDto> reply) {
        return reply.location()
                .or(() -> Optional.ofNullable(reply.body()).map(ResourceUrlDto::url))
                .map(url -> url.replaceAll("[?#].*$", "").replaceAll("/+$", ""))
                .map(url -> url.substring(url.lastIndexOf('/') + 1))
                .filter(id -> !id.isBlank())
                .orElseThrow(() -> new UnreadableAnswer(reply.status(), "to a new customer but named neither a"
                        + " Location nor a url", null));
    }

    static WebexCustomer toDomain(CustomerDto dto) {
        CustomerStatus status = CustomerStatus.fromWire(dto.status());
        if (status.acceptsSubscribers() && (dto.orgId() == null || dto.orgId().isBlank())) {
            throw new UpstreamException(FailureReason.UPSTREAM_REJECTED,
                    "Webex reports customer " + dto.id() + " as provisioned but without its orgId");
        }
        Stream<String> own = descriptions(dto.errors()).stream();
        Stream<String> perPackage = Optional.ofNullable(dto.resourceDetails())
                .map(CustomerDto.ResourceDetailsDto::packages).orElse(List.of()).stream()
                .flatMap(pkg -> descriptions(pkg.errors()).stream().map(error -> pkg.name() + ": " + error));
        return new WebexCustomer(dto.id(), Objects.requireNonNullElse(dto.externalId(), ""), dto.orgId(), status,
                Stream.concat(own, perPackage).toList());
    }

    private static List<String> descriptions(List<ErrorDto.ErrorDetailDto> errors) {
        return errors == null ? List.of()
                : errors.stream().map(ErrorDto.ErrorDetailDto::description).filter(Objects::nonNull).toList();
    }

    private static AddressDto toDto(PostalAddress address) {
        return new AddressDto(address.line1(), address.city(), emptyToNull(address.state()),
                emptyToNull(address.zip()), address.country());
    }

    private static String emptyToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
