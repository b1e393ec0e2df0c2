package com.acme.connector.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Fixture: a domain class that parses JSON itself. */
public final class PlanReadFromJson {

    public static Plan read(String json) throws JsonProcessingException {
        return new ObjectMapper().readValue(json, Plan.class);
    }
}
