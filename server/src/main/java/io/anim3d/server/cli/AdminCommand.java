package io.anim3d.server.cli;

import io.anim3d.server.accounts.InsufficientCreditsException;
import io.anim3d.server.accounts.UnknownClientException;
import io.anim3d.server.api.ServerConfig;
import io.anim3d.server.db.DatabaseException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code anim3d admin}: the operator's tools (clients, credits, jobs) on the server's own
 * database. It opens the H2 file in AUTO_SERVER mode like {@code serve}, so it works while the
 * server runs (it then talks to the server's database over a local port) and when it does not.
 *
 * <p>Every failure the operator can fix (unknown client, not enough credits, a bad argument, no
 * database in the data directory) is one line on standard error and exit code 1; the
 * subcommands share {@link #run} for that.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
        description = "Manages API clients, credits and jobs; works while `anim3d serve` runs on the same data directory.",
        subcommands = {AdminClientsCommand.class, AdminCreditsCommand.class, AdminJobsCommand.class})
final class AdminCommand implements Callable<Integer> {
    /** Inherited by every subcommand, so it may be given before or after the subcommand's name. */
    @Option(names = "--data", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "The server's data directory, found as serve finds it (default ./data; env ANIM3D_DATA_DIR).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    /** What a subcommand does with the open database; it prints its results on {@code out}. */
    @FunctionalInterface
    interface Work {
        void run(AdminSession session, PrintWriter out);
    }

    @Override
    public Integer call() {
        return missingSubcommand(spec);
    }

    /**
     * The data directory exactly as {@code serve} finds it: the flag, else {@code ANIM3D_DATA_DIR},
     * else {@code ./data}. The environment is read only without the flag, so that an unrelated bad
     * {@code ANIM3D_*} setting cannot stop an explicit {@code --data}.
     */
    static Path dataDir(Path flag, Map<String, String> env) {
        return flag != null ? flag : ServerConfig.fromEnvironment(env).dataDir();
    }

    /**
     * Opens the database, runs {@code work} and closes it; maps the operator's errors to one line
     * and {@link Main#EXIT_INPUT}, a database failure to one line and {@link Main#EXIT_INTERNAL}.
     */
    int run(CommandSpec caller, Work work) {
        PrintWriter out = caller.commandLine().getOut();
        PrintWriter err = caller.commandLine().getErr();
        int code = 0;
        try (AdminSession session = AdminSession.open(dataDir(dataDir, System.getenv()))) {
            work.run(session, out);
        } catch (UnknownClientException | InsufficientCreditsException | IllegalArgumentException e) {
            err.println("anim3d: " + e.getMessage());
            code = Main.EXIT_INPUT;
        } catch (DatabaseException e) {
            err.println("anim3d: database error: " + firstLine(e.getMessage()));
            code = Main.EXIT_INTERNAL;
        }
        out.flush();
        err.flush();
        return code;
    }

    /** For a command group called without a subcommand: say so and show the choices. */
    static int missingSubcommand(CommandSpec group) {
        PrintWriter err = group.commandLine().getErr();
        err.println("anim3d: " + group.qualifiedName() + " needs a subcommand: "
                + String.join(", ", group.subcommands().keySet()));
        group.commandLine().usage(err);
        err.flush();
        return Main.EXIT_INPUT;
    }

    /** H2 messages continue with the SQL statement on later lines; the first says what failed. */
    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl).strip();
    }
}
