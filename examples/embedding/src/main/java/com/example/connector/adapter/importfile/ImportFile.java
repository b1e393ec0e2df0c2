package com.example.connector.adapter.importfile;

import com.example.connector.domain.MovedSubscription;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The partner's import file: a JSON array of subscriptions, each
 * {@code {"reference","companyUuid","companyName","buyer":{"email","firstName","lastName"},"edition","seats"}}
 * ({@code seats} optional).
 */
final class ImportFile {

    /** Unknown fields fail the file: a misspelt {@code "seat"} must not import a subscription without its seats. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportFile() {
    }

    /**
     * Reads every subscription of the file, or none.
     *
     * @throws IllegalArgumentException the file is not such a JSON array, or an entry is incomplete (named by its
     *                                  position)
     * @throws UncheckedIOException     the file cannot be read
     */
    static List<MovedSubscription> read(Path file) {
        Line[] lines;
        try {
            lines = JSON.readValue(file.toFile(), Line[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not an import file: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<MovedSubscription> subscriptions = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            try {
                subscriptions.add(lines[i].toSubscription());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ", entry " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return subscriptions;
    }

    /** One entry as written in the file. */
    private record Line(String reference, String companyUuid, String companyName, Buyer buyer, String edition, Long seats) {

        MovedSubscription toSubscription() {
            if (buyer == null) {
                throw new IllegalArgumentException("'buyer' is missing");
            }
            return new MovedSubscription(reference, companyUuid, companyName, buyer.email(), buyer.firstName(),
                    buyer.lastName(), edition, seats);
        }
    }

    private record Buyer(String email, String firstName, String lastName) {
    }
}
