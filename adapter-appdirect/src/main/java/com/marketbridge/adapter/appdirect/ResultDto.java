package com.marketbridge.adapter.appdirect;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.marketbridge.application.port.out.MarketplaceAnswers.Answer;

/** The body AppDirect expects, both as the synchronous answer and as the asynchronous result (contract §3.2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ResultDto(boolean success, String accountIdentifier, String errorCode, String message) {

    static ResultDto of(Answer answer) {
        return new ResultDto(answer.success(), answer.accountIdentifier(), answer.errorCode(), answer.message());
    }
}
