package io.anim3d.server.db;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A minimal bounded JDBC connection pool: at most {@code maxConnections} connections are lent at
 * once, idle ones are reused, and a connection idle for longer than {@link #REVALIDATE_AFTER_NANOS}
 * is checked before reuse (PostgreSQL servers and firewalls drop idle sockets). Callers get a
 * proxy whose {@code close()} rolls back any unfinished transaction, restores auto-commit and
 * returns the physical connection. That is all the server needs; it is not a general pool
 * (no statement cache, no leak detection).
 */
final class ConnectionPool implements DataSource, AutoCloseable {
    /** Idle time after which a pooled connection is validated before it is lent again (5 s). */
    static final long REVALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final DatabaseOptions options;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    private record Idle(Connection connection, long sinceNanos) {
    }

    ConnectionPool(DatabaseOptions options) {
        this.options = options;
        this.permits = new Semaphore(options.maxConnections(), true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        long timeoutMs = options.connectionTimeout().toMillis();
        try {
            if (!permits.tryAcquire(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new SQLException("No free database connection after " + timeoutMs + " ms ("
                        + options.maxConnections() + " in use): raise the pool size or look for a slow query",
                        "08001");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a database connection", "08001", e);
        }
        try {
            return wrap(takeOrOpen());
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection takeOrOpen() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("The database has been closed", "08003");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return DriverManager.getConnection(options.jdbcUrl(), options.user(), options.password());
            }
            boolean stale = System.nanoTime() - candidate.sinceNanos() > REVALIDATE_AFTER_NANOS;
            if (!stale || candidate.connection().isValid(2)) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    private void giveBack(Connection physical) {
        boolean reusable;
        try {
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            reusable = !physical.isClosed();
        } catch (SQLException e) {
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed) {
                idle.addFirst(new Idle(physical, System.nanoTime()));
                physical = null;
            }
        }
        if (physical != null) {
            closeQuietly(physical);
        }
        permits.release();
    }

    private Connection wrap(Connection physical) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new Lent(physical));
    }

    /** Forwards everything to the physical connection until the caller closes it. */
    private final class Lent implements InvocationHandler {
        private Connection physical;

        Lent(Connection physical) {
            this.physical = physical;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            synchronized (this) {
                if (name.equals("close")) {
                    if (physical != null) {
                        Connection c = physical;
                        physical = null;
                        giveBack(c);
                    }
                    return null;
                }
                if (name.equals("isClosed")) {
                    return physical == null || physical.isClosed();
                }
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (physical == null) {
                    throw new SQLException("Connection already returned to the pool", "08003");
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
    }

    /** Closes idle connections now and lent ones when they come back. */
    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (Idle i : toClose) {
            closeQuietly(i.connection());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already broken: nothing more to release.
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("The pool uses the configured credentials only");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // No driver-level logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
