package io.anim3d.server.cli;

import static io.anim3d.server.cli.AdminCommandClientsTest.admin;
import static io.anim3d.server.cli.AdminCommandClientsTest.oneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.accounts.ClientStore;
import io.anim3d.server.accounts.Credits;
import io.anim3d.server.accounts.LedgerEntry;
import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code anim3d admin credits ...} on a real H2 database, checked against {@link Credits}. */
class AdminCommandCreditsTest {
    @TempDir
    Path dir;
    Database db;
    Credits credits;
    String id;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        credits = new Credits(db, Clock.systemUTC());
        id = new ClientStore(db, Clock.systemUTC(), new ClientStore.Options(10_000, Duration.ZERO, 1)).create("studio").clientId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void grantTakesDecimalCreditsAndKeepsTheNote() {
        CliRun run = admin(dir, "credits", "grant", id, "12.5", "--note", "invoice 42");
        assertEquals(0, run.exitCode(), "stderr: " + run.err());
        assertEquals("Granted 12.5 credits to client " + id + ": balance 12.5, available 12.5.", run.out().strip());
        assertEquals(12_500, credits.balance(id), "milli-credits after granting 12.5");
        assertEquals(0, admin(dir, "credits", "grant", id, "0.001").exitCode(), "smallest amount");
        assertEquals(0, admin(dir, "credits", "grant", id, "+1.500").exitCode(), "trailing zeros within 3 places, explicit +");
        assertEquals(14_001, credits.balance(id));
        List<LedgerEntry> ledger = credits.ledger(id);
        assertEquals(List.of(12_500L, 1L, 1_500L), ledger.stream().map(LedgerEntry::deltaMilli).toList(), "ledger deltas");
        assertEquals("invoice 42", ledger.get(0).note(), "note kept in the ledger");
        assertEquals("", ledger.get(1).note(), "no --note: empty note");
    }

    @Test
    void negativeAmountsDeductWithOrWithoutTheEndOfOptionsMarker() {
        credits.grant(id, 10_000, "start");
        CliRun plain = admin(dir, "credits", "grant", id, "-2.25");
        assertEquals(0, plain.exitCode(), "a negative number is not an option; stderr: " + plain.err());
        assertEquals("Deducted 2.25 credits from client " + id + ": balance 7.75, available 7.75.", plain.out().strip());
        CliRun marked = CliRun.of("admin", "--data", dir.toString(), "credits", "grant", "--note", "refund", id, "--", "-0.75");
        assertEquals(0, marked.exitCode(), "after --; stderr: " + marked.err());
        assertEquals(7_000, credits.balance(id), "10 - 2.25 - 0.75");
        assertEquals(-750, credits.ledger(id).get(2).deltaMilli(), "deduction in the ledger");
        assertEquals("refund", credits.ledger(id).get(2).note());
    }

    @Test
    void aDeductionCannotTakeCreditsHeldByRunningJobsOrMissingOnes() {
        credits.grant(id, 5_000, "start");
        credits.reserve(id, 3_000, "job-running");
        String line = oneLineError(admin(dir, "credits", "grant", id, "-2.5"), "deduct more than available");
        assertTrue(line.contains("Cannot deduct 2.5 credits") && line.contains("only 2 available")
                && line.contains("balance 5") && line.contains("3 held by running jobs"), line);
        assertEquals(5_000, credits.balance(id), "balance unchanged after a refused deduction");
        assertEquals(0, admin(dir, "credits", "grant", id, "-2").exitCode(), "exactly the available credits may go");
        assertEquals(0, credits.available(id));
        assertTrue(oneLineError(admin(dir, "credits", "grant", id, "-0.001"), "nothing left").contains("only 0 available"));
    }

    @Test
    void badAmountsAreOneLineErrorsAndChangeNothing() {
        String[][] cases = {
            {"1.0001", "at most 3 decimals"},
            {"abc", "like 100, 12.5 or -2.25"},
            {"1e3", "like 100, 12.5 or -2.25"},
            {"1,5", "like 100, 12.5 or -2.25"},
            {"0", "changes nothing"},
            {"-0.000", "changes nothing"},
            {"99999999999999999999", "too large"},
        };
        for (String[] c : cases) {
            String line = oneLineError(admin(dir, "credits", "grant", id, c[0]), "amount " + c[0]);
            assertTrue(line.contains(c[1]), "amount " + c[0] + ": " + line);
        }
        assertEquals(0, credits.balance(id), "no bad amount may change the balance");
        assertTrue(credits.ledger(id).isEmpty(), "no bad amount may reach the ledger");
        CliRun missing = admin(dir, "credits", "grant", id);
        assertEquals(Main.EXIT_INPUT, missing.exitCode(), "missing AMOUNT: " + missing.err());
        assertTrue(missing.err().startsWith("Missing required parameter: 'AMOUNT'"), missing.err());
    }

    @Test
    void balanceAndLedgerShowTheAccount() {
        credits.grant(id, 20_000, "welcome");
        credits.charge(credits.reserve(id, 4_000, "job-a"), 1_250);
        credits.reserve(id, 3_000, "job-b");

        CliRun balance = admin(dir, "credits", "balance", id);
        assertEquals(0, balance.exitCode(), "stderr: " + balance.err());
        assertEquals(List.of("balance    18.75 credits", "reserved   3 credits (held by running jobs)", "available  15.75 credits"),
                balance.out().lines().toList());

        CliRun ledger = admin(dir, "credits", "ledger", id);
        assertEquals(0, ledger.exitCode(), "stderr: " + ledger.err());
        List<String> lines = ledger.out().lines().toList();
        assertEquals(4, lines.size(), "header, two entries, balance line:\n" + ledger.out());
        assertTrue(lines.get(1).matches("\\s*1\\s+\\S+Z\\s+\\+20\\s+GRANT\\s+-\\s+welcome"), lines.get(1));
        String reservation = credits.reservationForJob("job-a").orElseThrow().id();
        assertTrue(lines.get(2).matches("\\s*2\\s+\\S+Z\\s+-1\\.25\\s+CHARGE\\s+" + reservation + "\\s+job job-a"), lines.get(2));
        assertEquals("balance 18.75, available 15.75 credits", lines.get(3));
    }

    @Test
    void unknownClientsAreOneLineErrors() {
        for (String[] args : new String[][] {{"credits", "grant", "nobody", "5"}, {"credits", "balance", "nobody"},
            {"credits", "ledger", "nobody"}}) {
            String line = oneLineError(admin(dir, args), String.join(" ", args));
            assertTrue(line.contains("No client with id 'nobody'"), line);
        }
        CliRun empty = admin(dir, "credits", "ledger", id);
        assertTrue(empty.exitCode() == 0 && empty.out().startsWith("No credit changes yet"), empty.out() + empty.err());
    }

    @Test
    void amountsConvertExactlyToMilliCredits() {
        assertEquals(12_500, AdminCreditsCommand.milliCredits("12.5"));
        assertEquals(-2_250, AdminCreditsCommand.milliCredits("-2.25"));
        assertEquals(1, AdminCreditsCommand.milliCredits("0.001"));
        assertEquals(100_000, AdminCreditsCommand.milliCredits(" 100 "));
        assertEquals(3_000, AdminCreditsCommand.milliCredits("3.000000"), "zeros beyond the third place are exact");
        assertThrows(IllegalArgumentException.class, () -> AdminCreditsCommand.milliCredits("0.0005"));
        assertThrows(IllegalArgumentException.class, () -> AdminCreditsCommand.milliCredits(".5"));
        assertThrows(IllegalArgumentException.class, () -> AdminCreditsCommand.milliCredits("9223372036854775.808"));
    }
}
