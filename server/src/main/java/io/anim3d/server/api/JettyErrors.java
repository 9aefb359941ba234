package io.anim3d.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.anim3d.server.api.model.ErrorMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a malformed URI or header, an oversized
 * request line): JSON {@code {"message": ...}} like every other error instead of Jetty's HTML page,
 * and never a stack trace.
 */
final class JettyErrors extends ErrorHandler {
    JettyErrors() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    private static byte[] body(int code, String message) {
        String text = "HTTP " + code + " " + (message == null || message.isBlank() ? HttpStatus.getMessage(code) : message)
                + ": the request could not be read (check the URL encoding and the headers)";
        try {
            return ApiServer.jsonMapper().writeValueAsBytes(new ErrorMessage(text));
        } catch (JsonProcessingException e) {
            return ("{\"message\":\"HTTP " + code + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
