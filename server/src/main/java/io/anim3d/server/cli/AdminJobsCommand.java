package io.anim3d.server.cli;

import io.anim3d.server.jobs.JobState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code anim3d admin jobs list}: the {@code jobs} table, newest first. Reads the rows with its
 * own query (read-only), so that listing never depends on, or interferes with, the job
 * system's state machine.
 */
@Command(name = "jobs", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
        description = "Lists jobs.")
final class AdminJobsCommand implements Callable<Integer> {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100_000;
    /** Longer input names are cut, so that a row stays one terminal line wide where possible. */
    private static final int MAX_NAME_CHARS = 40;

    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.missingSubcommand(spec);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Lists jobs, newest first: rid, client, state, input, input duration, created, updated, error code.")
    int list(@Option(names = "--client", paramLabel = "ID", description = "Only this client's jobs.") String clientId,
             @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in this state: QUEUED, PROGRESS, SUCCESS or FAILURE.")
             String state,
             @Option(names = "--limit", paramLabel = "N", defaultValue = "" + DEFAULT_LIMIT,
                     description = "At most N jobs (default: ${DEFAULT-VALUE}).") int limit) {
        return admin.run(spec, (session, out) -> {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("--limit must be 1.." + MAX_LIMIT + ", was " + limit);
            }
            JobState wanted = state == null ? null : parseState(state);
            if (clientId != null) {
                session.credits().account(clientId); // an unknown id is a typo, not "no jobs"
            }
            List<String[]> rows = session.database().read(c -> {
                StringBuilder sql = new StringBuilder("SELECT id, client_id, state, input_name, input_duration_ms,"
                        + " created_at_ms, updated_at_ms, error_code FROM jobs WHERE 1 = 1");
                List<String> args = new ArrayList<>();
                if (clientId != null) {
                    sql.append(" AND client_id = ?");
                    args.add(clientId);
                }
                if (wanted != null) {
                    sql.append(" AND state = ?");
                    args.add(wanted.name());
                }
                sql.append(" ORDER BY created_at_ms DESC, id DESC LIMIT ?");
                List<String[]> found = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int i = 1;
                    for (String a : args) {
                        ps.setString(i++, a);
                    }
                    ps.setInt(i, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int error = rs.getInt("error_code");
                            String errorCode = rs.wasNull() ? "" : Integer.toString(error);
                            found.add(new String[] {rs.getString("id"), rs.getString("client_id"), rs.getString("state"),
                                    shorten(rs.getString("input_name")), seconds(rs.getLong("input_duration_ms")),
                                    AdminTable.time(rs.getLong("created_at_ms")), AdminTable.time(rs.getLong("updated_at_ms")),
                                    errorCode});
                        }
                    }
                }
                return found;
            });
            if (rows.isEmpty()) {
                out.println("No jobs" + filters(clientId, wanted) + ".");
                return;
            }
            AdminTable table = AdminTable.of("rid", "client", "state", "input", "duration", "created", "updated", "error")
                    .alignRight(4, 7);
            rows.forEach(table::add);
            table.print(out);
            out.println(rows.size() + (rows.size() == 1 ? " job" : " jobs") + filters(clientId, wanted) + ", newest first"
                    + (rows.size() == limit ? "; there may be more: raise --limit" : "") + ".");
        });
    }

    private static JobState parseState(String s) {
        try {
            return JobState.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown job state '" + s + "': use one of "
                    + Arrays.stream(JobState.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    private static String filters(String clientId, JobState state) {
        return (clientId == null ? "" : " of client " + clientId) + (state == null ? "" : " in state " + state.name());
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME_CHARS ? name : name.substring(0, MAX_NAME_CHARS - 1) + "…";
    }

    /** Input duration (milliseconds) as seconds with one decimal, e.g. {@code 12.3s}. */
    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
