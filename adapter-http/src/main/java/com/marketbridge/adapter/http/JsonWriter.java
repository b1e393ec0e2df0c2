package com.marketbridge.adapter.http;

import java.util.Map;

/** Writes the few flat JSON objects the webhook answers with; null values are left out, as AppDirect expects. */
final class JsonWriter {

    private JsonWriter() {
    }

    static String object(Map<String, ?> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> {
            if (value == null) {
                return;
            }
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name).append(':');
            if (value instanceof Boolean || value instanceof Number) {
                json.append(value);
            } else {
                string(json, value.toString());
            }
        });
        return json.append('}').toString();
    }

    private static StringBuilder string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
