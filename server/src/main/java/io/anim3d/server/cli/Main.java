package io.anim3d.server.cli;

import io.anim3d.capture.CaptureException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./anim3d}. */
@Command(name = "anim3d", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Turns video of people into 3D character animation.",
        subcommands = {ServeCommand.class, WorkerCommand.class, ProcessCommand.class, LandmarksCommand.class, BenchCommand.class, LoadTestCommand.class, EvalCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code of a failure caused by the input or the options (the message says what to fix). */
    static final int EXIT_INPUT = 1;
    /** Exit code of an unexpected internal failure. */
    static final int EXIT_INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    private static int handle(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Exception e = ex instanceof java.io.UncheckedIOException u ? u.getCause() : ex;
        if (e instanceof CaptureException ce) {
            err.println("anim3d: error " + ce.code().code() + ": " + ce.getMessage());
            err.flush();
            return EXIT_INPUT;
        }
        if (e instanceof java.io.IOException || e instanceof IllegalArgumentException) {
            err.println("anim3d: " + e.getMessage());
            err.flush();
            return EXIT_INPUT;
        }
        err.println("anim3d: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return EXIT_INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"anim3d " + (v == null ? "development" : v)};
        }
    }
}
