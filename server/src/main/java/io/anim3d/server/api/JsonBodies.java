package io.anim3d.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Request bodies that must be one JSON object: every way they can be wrong is a 400 that shows an example. */
public final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /**
     * @param example  a valid body, shown in every message
     * @param maxChars longest body accepted
     */
    public static JsonNode object(String text, int maxChars, String example) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest("The body is empty; send a JSON object such as " + example);
        }
        if (text.length() > maxChars) {
            throw ApiException.badRequest("The body is " + text.length() + " characters; at most " + maxChars
                    + " are accepted");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("The body is not valid JSON (" + e.getOriginalMessage()
                    + "); send a JSON object such as " + example);
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object such as " + example);
        }
        return root;
    }
}
