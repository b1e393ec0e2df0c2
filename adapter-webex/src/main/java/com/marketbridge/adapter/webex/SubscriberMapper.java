package com.marketbridge.adapter.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketbridge.domain.edition.WebexPackage;
import com.marketbridge.domain.subscription.CallingAssignment;
import com.marketbridge.domain.subscription.NewSubscriber;
import com.marketbridge.domain.subscription.SubscriberStatus;
import com.marketbridge.domain.subscription.WebexSubscriber;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Between the domain's subscribers and the wholesale subscriber wire shapes. */
final class SubscriberMapper {

    private SubscriberMapper() {
    }

    static NewSubscriberDto toPrecheck(String customerId, String email, WebexPackage webexPackage) {
        return new NewSubscriberDto(customerId, email, List.of(webexPackage.name()), null);
    }

    static NewSubscriberDto toDto(NewSubscriber subscriber) {
        Optional<CallingAssignment> calling = subscriber.optionalCalling();
        return new NewSubscriberDto(subscriber.customerId(), subscriber.email(),
                List.of(subscriber.webexPackage().name()),
                new NewSubscriberDto.ProvisioningParametersDto(subscriber.firstName(), subscriber.lastName(),
                        calling.map(CallingAssignment::extension).orElse(null),
                        calling.map(CallingAssignment::locationId).orElse(null)));
    }

    static PackageChangeDto toChange(WebexPackage target, Optional<CallingAssignment> calling) {
        return new PackageChangeDto(List.of(target.name()), calling
                .map(assignment -> new PackageChangeDto.CallingDto(assignment.extension(), assignment.locationId()))
                .orElse(null));
    }

    /** A 202 on create means Webex waits for the user to consent to moving a free account: not yet success. */
    static WebexSubscriber created(Reply<SubscriberDto> reply, NewSubscriber requested) {
        if (reply.body() == null) {
            throw new UnreadableAnswer(reply.status(), "to a new subscriber with an empty body", null);
        }
        WebexSubscriber subscriber = toDomain(reply.body(), requested.customerId(), requested.email(),
                requested.webexPackage().name());
        return reply.status() == 202
                ? new WebexSubscriber(subscriber.id(), subscriber.customerId(), subscriber.email(),
                        subscriber.packageName(), SubscriberStatus.PENDING_USER_MIGRATION, null)
                : subscriber;
    }

    /** Fields Webex leaves out of a body are taken from what was asked. */
    static WebexSubscriber toDomain(SubscriberDto dto, String customerId, String email, String packageName) {
        String webexPackage = Optional.ofNullable(dto.packages()).flatMap(list -> list.stream().findFirst())
                .or(() -> Optional.ofNullable(dto.singlePackage()))
                .orElse(packageName);
        return new WebexSubscriber(dto.id(), Objects.requireNonNullElse(dto.customerId(), customerId),
                Objects.requireNonNullElse(dto.email(), email), webexPackage, SubscriberStatus.fromWire(dto.status()),
                dto.personId());
    }

    /** The precheck's {@code info} descriptions, whether Webex sent one object or an array of them. */
    static String infoOf(PrecheckDto precheck) {
        JsonNode info = precheck.info();
        if (info == null || info.isNull()) {
            return "";
        }
        List<JsonNode> entries = info.isArray()
                ? StreamSupport.stream(info.spliterator(), false).toList()
                : List.of(info);
        return entries.stream().map(entry -> entry.path("description").asText(""))
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("; "));
    }
}
