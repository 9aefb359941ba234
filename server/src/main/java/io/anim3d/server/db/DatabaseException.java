package io.anim3d.server.db;

import java.sql.SQLException;

/** A database operation failed for a reason the caller cannot fix (I/O, lost connection, bug). */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Wraps a JDBC error, keeping its SQL state in the message for the operator's log. */
    public static DatabaseException of(String what, SQLException e) {
        return new DatabaseException(what + " failed (SQL state " + e.getSQLState() + "): "
                + e.getMessage(), e);
    }
}
