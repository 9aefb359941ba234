/**
 * The {@code anim3d} command line (picocli). Commands are thin: they parse options, call the
 * pipeline stages and print results; errors become one clear line and an exit code.
 */
package io.anim3d.server.cli;
