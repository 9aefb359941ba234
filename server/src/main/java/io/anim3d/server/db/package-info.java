/**
 * The server's relational database: {@link io.anim3d.server.db.Database} opens H2 (default, a
 * file in the data directory) or PostgreSQL (scale-out), runs the Flyway migrations in
 * {@code db/migration} and hands out pooled connections. Schema conventions: ids are
 * {@code VARCHAR}, times are {@code BIGINT} milliseconds since the epoch (the API's own
 * {@code ctime}/{@code mtime} unit, and free of time-zone differences between databases),
 * credits are {@code BIGINT} milli-credits.
 */
package io.anim3d.server.db;
