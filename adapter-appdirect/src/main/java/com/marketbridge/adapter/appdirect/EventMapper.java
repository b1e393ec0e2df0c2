package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.databind.JsonNode;
import com.marketbridge.adapter.appdirect.EventDto.AccountDto;
import com.marketbridge.adapter.appdirect.EventDto.CompanyDto;
import com.marketbridge.adapter.appdirect.EventDto.ItemDto;
import com.marketbridge.adapter.appdirect.EventDto.NoticeDto;
import com.marketbridge.adapter.appdirect.EventDto.OrderDto;
import com.marketbridge.adapter.appdirect.EventDto.PayloadDto;
import com.marketbridge.adapter.appdirect.EventDto.UserDto;
import com.marketbridge.application.port.out.UpstreamException;
import com.marketbridge.domain.event.Company;
import com.marketbridge.domain.event.EventFlag;
import com.marketbridge.domain.event.EventToken;
import com.marketbridge.domain.event.MarketplaceEvent;
import com.marketbridge.domain.event.MarketplaceUser;
import com.marketbridge.domain.event.NoticeType;
import com.marketbridge.domain.event.Order;
import com.marketbridge.domain.event.OrderItem;
import com.marketbridge.domain.event.SubscriptionCancelled;
import com.marketbridge.domain.event.SubscriptionChanged;
import com.marketbridge.domain.event.SubscriptionNoticed;
import com.marketbridge.domain.event.SubscriptionOrdered;
import com.marketbridge.domain.event.UnsupportedEvent;
import com.marketbridge.domain.event.UserAssigned;
import com.marketbridge.domain.event.UserUnassigned;
import com.marketbridge.domain.event.UserUpdated;
import com.marketbridge.domain.outcome.FailureReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads an AppDirect event into the domain's; a missing required field is an {@code INVALID_EVENT} naming it. */
final class EventMapper {

    private static final PayloadDto NO_PAYLOAD = new PayloadDto(null, null, null, null, null);

    private final EventToken token;

    private EventMapper(EventToken token) {
        this.token = token;
    }

    static MarketplaceEvent toEvent(EventDto dto, EventToken token) {
        return new EventMapper(token).map(dto);
    }

    private MarketplaceEvent map(EventDto dto) {
        if (dto == null) {
            throw invalid("AppDirect answered with an empty event " + token);
        }
        String type = required(dto.type(), "type");
        EventFlag flag = flag(dto.flag());
        PayloadDto payload = dto.payload() == null ? NO_PAYLOAD : dto.payload();
        return switch (type) {
            case "SUBSCRIPTION_ORDER" -> new SubscriptionOrdered(token, flag, company(payload.company()),
                    requiredUser(dto.creator(), "creator"), order(payload.order()));
            case "SUBSCRIPTION_CHANGE" -> new SubscriptionChanged(token, flag, account(payload.account()),
                    optionalUser(dto.creator()), order(payload.order()));
            case "SUBSCRIPTION_CANCEL" -> new SubscriptionCancelled(token, flag, account(payload.account()), optionalUser(dto.creator()));
            case "SUBSCRIPTION_NOTICE" -> notice(flag, account(payload.account()), payload.notice());
            case "USER_ASSIGNMENT" -> new UserAssigned(token, flag, account(payload.account()),
                    requiredUser(payload.user(), "payload.user"), optionalUser(dto.creator()));
            case "USER_UNASSIGNMENT" -> new UserUnassigned(token, flag, account(payload.account()),
                    requiredUser(payload.user(), "payload.user"), optionalUser(dto.creator()));
            case "USER_UPDATED" -> new UserUpdated(token, flag, account(payload.account()),
                    requiredUser(payload.user(), "payload.user"), optionalUser(dto.creator()));
            default -> new UnsupportedEvent(token, flag, type);
        };
    }

    private EventFlag flag(String flag) {
        if (flag == null || flag.isBlank()) {
            return EventFlag.LIVE;
        }
        if (flag.equals("STATELESS") || flag.equals("DEVELOPMENT")) {
            return EventFlag.valueOf(flag);
        }
        throw invalid("AppDirect event " + token + " has an unknown flag '" + flag + "'");
    }

    private Company company(CompanyDto company) {
        if (company == null) {
            throw missing("payload.company");
        }
        return new Company(required(company.uuid(), "payload.company.uuid"), required(company.name(), "payload.company.name"),
                company.email(), company.phoneNumber(), company.country());
    }

    private String account(AccountDto account) {
        return required(account == null ? null : account.accountIdentifier(), "payload.account.accountIdentifier");
    }

    private Order order(OrderDto order) {
        if (order == null) {
            throw missing("payload.order");
        }
        String edition = required(order.editionCode(), "payload.order.editionCode");
        List<OrderItem> items = new ArrayList<>();
        List<ItemDto> received = order.items() == null ? List.of() : order.items();
        for (int i = 0; i < received.size(); i++) {
            String field = "payload.order.items[" + i + "]";
            ItemDto item = received.get(i);
            if (item == null) {
                throw missing(field);
            }
            items.add(new OrderItem(required(item.unit(), field + ".unit"), quantity(item.quantity(), field + ".quantity")));
        }
        return new Order(edition, items);
    }

    private long quantity(JsonNode quantity, String field) {
        if (quantity == null || quantity.isNull()) {
            throw missing(field);
        }
        String text = quantity.isIntegralNumber() ? quantity.asText() : quantity.isTextual() ? quantity.textValue().strip() : "";
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the field's name
        }
        throw invalid("AppDirect event " + token + " has no whole, non-negative number in " + field);
    }

    private SubscriptionNoticed notice(EventFlag flag, String account, NoticeDto notice) {
        String type = required(notice == null ? null : notice.type(), "payload.notice.type");
        NoticeType noticeType = Arrays.stream(NoticeType.values()).filter(t -> t.name().equals(type)).findFirst().orElse(NoticeType.OTHER);
        return new SubscriptionNoticed(token, flag, account, noticeType, notice.message());
    }

    private MarketplaceUser requiredUser(UserDto user, String field) {
        if (user == null) {
            throw missing(field);
        }
        return new MarketplaceUser(user.uuid(), required(user.email(), field + ".email"), user.firstName(), user.lastName(), user.locale());
    }

    /** The acting admin is context only: without an email it is as good as absent. */
    private static MarketplaceUser optionalUser(UserDto user) {
        if (user == null || user.email() == null || user.email().isBlank()) {
            return null;
        }
        return new MarketplaceUser(user.uuid(), user.email(), user.firstName(), user.lastName(), user.locale());
    }

    private String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw missing(field);
        }
        return value;
    }

    private UpstreamException missing(String field) {
        return invalid("AppDirect event " + token + " is missing " + field);
    }

    private static UpstreamException invalid(String message) {
        return new UpstreamException(FailureReason.INVALID_EVENT, message);
    }
}
