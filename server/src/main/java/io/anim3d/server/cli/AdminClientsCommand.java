package io.anim3d.server.cli;

import io.anim3d.server.accounts.Balance;
import io.anim3d.server.accounts.Client;
import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credentials;
import io.anim3d.server.accounts.UnknownClientException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code anim3d admin clients create|list|rotate|disable|enable}. Secrets are printed once, at
 * creation and rotation, in the same form as {@code serve}'s first-start message; the database
 * keeps only their hashes.
 */
@Command(name = "clients", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
        description = "Creates, lists, disables and enables API clients and rotates their secrets.")
final class AdminClientsCommand implements Callable<Integer> {
    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.missingSubcommand(spec);
    }

    @Command(name = "create", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Creates a client and prints its id and secret (the secret only this once).")
    int create(@Parameters(paramLabel = "NAME", description = "A label for the client, e.g. studio-a (quote names with spaces).")
               String name) {
        return admin.run(spec, (session, out) -> {
            Credentials c = session.clients().create(name);
            out.println("Created client '" + name.strip() + "':");
            printCredentials(out, c);
        });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Lists all clients, oldest first, with their credits (balance and available = balance - held by running jobs).")
    int list() {
        return admin.run(spec, (session, out) -> {
            List<Client> clients = session.clients().list();
            if (clients.isEmpty()) {
                out.println("No clients yet: create one with `anim3d admin clients create NAME`.");
                return;
            }
            AdminTable table = AdminTable.of("id", "name", "created", "disabled", "balance", "available").alignRight(4, 5);
            for (Client c : clients) {
                Balance b = session.credits().account(c.id());
                table.add(c.id(), c.name(), AdminTable.time(c.createdAtMs()),
                        c.disabledAtMs().isPresent() ? AdminTable.time(c.disabledAtMs().getAsLong()) : "no",
                        AdminTable.credits(b.balanceMilli()), AdminTable.credits(b.availableMilli()));
            }
            table.print(out);
        });
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = {"Gives a client a new secret and prints it once; the old secret and the session cookies",
                    "opened with it stop working at once."})
    int rotate(@Parameters(paramLabel = "ID", description = "The client's id (see `clients list`).") String id) {
        return admin.run(spec, (session, out) -> {
            Credentials c = session.clients().rotateSecret(id);
            out.println("New secret for client " + id + " (the old one and the sessions opened with it no longer"
                    + " work):");
            printCredentials(out, c);
        });
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Disables a client: its credentials stop working at once (its data and credits stay).")
    int disable(@Parameters(paramLabel = "ID", description = "The client's id (see `clients list`).") String id) {
        return admin.run(spec, (session, out) -> {
            ClientStore store = session.clients();
            Client before = store.find(id).orElseThrow(() -> new UnknownClientException(id));
            if (before.disabled()) {
                out.println("Client " + id + " ('" + before.name() + "') was already disabled at "
                        + AdminTable.time(before.disabledAtMs().getAsLong()) + "; nothing changed.");
                return;
            }
            Client after = store.disable(id);
            out.println("Disabled client " + id + " ('" + after.name() + "'); `anim3d admin clients enable " + id
                    + "` lets it in again with its current secret.");
        });
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Enables a disabled client again; its current secret works again.")
    int enable(@Parameters(paramLabel = "ID", description = "The client's id (see `clients list`).") String id) {
        return admin.run(spec, (session, out) -> {
            ClientStore store = session.clients();
            Client before = store.find(id).orElseThrow(() -> new UnknownClientException(id));
            if (!before.disabled()) {
                out.println("Client " + id + " ('" + before.name() + "') is not disabled; nothing changed.");
                return;
            }
            store.enable(id);
            out.println("Enabled client " + id + " ('" + before.name() + "'); its current secret works again.");
        });
    }

    private static void printCredentials(PrintWriter out, Credentials c) {
        out.println("  client id:     " + c.clientId());
        out.println("  client secret: " + c.secret());
        out.println("The secret is shown only this once (the database keeps a hash): store it now.");
    }
}
