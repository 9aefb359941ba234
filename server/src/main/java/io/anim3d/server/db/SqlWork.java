package io.anim3d.server.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection, e.g. inside {@link Database#transaction}. It may run more than
 * once when the database aborts a transaction for a retryable conflict: it must have no effects
 * outside the database.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
