package io.anim3d.server.accounts;

/** No client has the given id. */
public final class UnknownClientException extends RuntimeException {
    private final String clientId;

    public UnknownClientException(String clientId) {
        super("No client with id '" + clientId + "': check the id against the list of clients");
        this.clientId = clientId;
    }

    public String clientId() {
        return clientId;
    }
}
