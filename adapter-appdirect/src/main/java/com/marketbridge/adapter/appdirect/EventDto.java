package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An AppDirect event as fetched (contract §2). Only what the domain needs is modelled; everything else,
 * including {@code configuration} and {@code attributes} in whatever shape they come, is ignored.
 */
record EventDto(String type, String flag, UserDto creator, PayloadDto payload) {

    record UserDto(String uuid, String email, String firstName, String lastName, String locale) {
    }

    record PayloadDto(UserDto user, CompanyDto company, AccountDto account, OrderDto order, NoticeDto notice) {
    }

    record CompanyDto(String uuid, String name, String email, String phoneNumber, String country) {
    }

    record AccountDto(String accountIdentifier) {
    }

    record OrderDto(String editionCode, List<ItemDto> items) {
    }

    /** {@code quantity} is a number, but AppDirect has sent it as a string too. */
    record ItemDto(String unit, JsonNode quantity) {
    }

    record NoticeDto(String type, String message) {
    }
}
