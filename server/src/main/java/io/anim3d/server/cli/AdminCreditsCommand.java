package io.anim3d.server.cli;

import io.anim3d.server.accounts.Balance;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.accounts.InsufficientCreditsException;
import io.anim3d.server.accounts.LedgerEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code anim3d admin credits grant|balance|ledger}. Amounts are typed in credits with at most
 * three decimals (the ledger counts exact milli-credits); a negative grant takes credits back,
 * but never those held by running jobs nor more than the balance ({@link Credits#grant}).
 */
@Command(name = "credits", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
        description = "Grants or deducts credits and shows a client's balance and ledger.")
final class AdminCreditsCommand implements Callable<Integer> {
    /** A plain decimal: no exponent, no grouping, so that what is typed is what is granted. */
    private static final Pattern AMOUNT = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");
    private static final int AMOUNT_SCALE = 3;

    @ParentCommand
    AdminCommand admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return AdminCommand.missingSubcommand(spec);
    }

    @Command(name = "grant", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = {"Adds AMOUNT credits to a client's balance; a negative AMOUNT deducts them (e.g. -5 or -- -5),"
                    + " as far as they are not held by running jobs."})
    int grant(@Parameters(index = "0", paramLabel = "ID", description = "The client's id (see `clients list`).") String id,
              @Parameters(index = "1", paramLabel = "AMOUNT", description = "Credits, at most 3 decimals, e.g. 100, 12.5 or -2.25.")
              String amount,
              @Option(names = "--note", paramLabel = "TEXT", description = "Why, kept in the ledger (at most 500 characters).")
              String note) {
        return admin.run(spec, (session, out) -> {
            long milli = milliCredits(amount);
            Credits credits = session.credits();
            try {
                credits.grant(id, milli, note);
            } catch (InsufficientCreditsException e) {
                // Credits' own message speaks to API clients; the operator needs the numbers behind it.
                Balance b = credits.account(id);
                throw new IllegalArgumentException("Cannot deduct " + AdminTable.credits(-milli) + " credits from client " + id
                        + ": only " + AdminTable.credits(b.availableMilli()) + " available (balance "
                        + AdminTable.credits(b.balanceMilli()) + ", " + AdminTable.credits(b.reservedMilli())
                        + " held by running jobs); nothing changed");
            }
            Balance b = credits.account(id);
            out.println((milli > 0 ? "Granted " + AdminTable.credits(milli) + " credits to client "
                    : "Deducted " + AdminTable.credits(-milli) + " credits from client ") + id + ": balance "
                    + AdminTable.credits(b.balanceMilli()) + ", available " + AdminTable.credits(b.availableMilli()) + ".");
        });
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Shows a client's balance, the credits held by its running jobs, and what is available.")
    int balance(@Parameters(paramLabel = "ID", description = "The client's id (see `clients list`).") String id) {
        return admin.run(spec, (session, out) -> {
            Balance b = session.credits().account(id);
            out.println("balance    " + AdminTable.credits(b.balanceMilli()) + " credits");
            out.println("reserved   " + AdminTable.credits(b.reservedMilli()) + " credits (held by running jobs)");
            out.println("available  " + AdminTable.credits(b.availableMilli()) + " credits");
        });
    }

    @Command(name = "ledger", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = Main.EXIT_INPUT,
            description = "Lists every change of a client's balance (grants, deductions, job charges), oldest first.")
    int ledger(@Parameters(paramLabel = "ID", description = "The client's id (see `clients list`).") String id) {
        return admin.run(spec, (session, out) -> {
            Balance b = session.credits().account(id); // fails for an unknown id; an empty ledger would not
            List<LedgerEntry> entries = session.credits().ledger(id);
            if (entries.isEmpty()) {
                out.println("No credit changes yet for client " + id + ".");
            } else {
                AdminTable table = AdminTable.of("entry", "time", "change", "kind", "reservation", "note").alignRight(0, 2);
                for (LedgerEntry e : entries) {
                    table.add(Long.toString(e.entryNo()), AdminTable.time(e.createdAtMs()),
                            (e.deltaMilli() > 0 ? "+" : "") + AdminTable.credits(e.deltaMilli()), e.kind(),
                            e.reservationId().orElse(""), e.note());
                }
                table.print(out);
            }
            out.println("balance " + AdminTable.credits(b.balanceMilli()) + ", available "
                    + AdminTable.credits(b.availableMilli()) + " credits");
        });
    }

    /**
     * Credits typed by the operator as exact milli-credits.
     *
     * @throws IllegalArgumentException if it is not a plain decimal with at most three decimals, or too large
     */
    static long milliCredits(String amount) {
        String s = amount.strip();
        if (!AMOUNT.matcher(s).matches()) {
            throw new IllegalArgumentException("Amount must be a number of credits like 100, 12.5 or -2.25, was '" + amount + "'");
        }
        BigDecimal credits = new BigDecimal(s);
        if (credits.stripTrailingZeros().scale() > AMOUNT_SCALE) {
            throw new IllegalArgumentException("Amount must have at most " + AMOUNT_SCALE
                    + " decimals (credits are counted in thousandths), was '" + amount + "'");
        }
        try {
            return credits.movePointRight(AMOUNT_SCALE).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("Amount " + amount + " is too large", e);
        }
    }
}
