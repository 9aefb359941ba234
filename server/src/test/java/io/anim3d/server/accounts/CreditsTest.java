package io.anim3d.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreditsTest {
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    java.nio.file.Path dir;
    Database db;
    ClientStore clients;
    Credits credits;
    String client;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir).withMaxConnections(20));
        clients = new ClientStore(db, CLOCK, ClientStore.Options.defaults());
        credits = new Credits(db, CLOCK);
        client = clients.create("payer").clientId();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void grantReserveChargeReleaseArithmetic() {
        assertEquals(0, credits.balance(client), "new client's balance");
        assertEquals(10_000, credits.grant(client, 10_000, "welcome"), "balance after granting 10 credits");
        String a = credits.reserve(client, 3_000, "job-a");
        String b = credits.reserve(client, 2_500, "job-b");
        assertEquals(new Balance(client, 10_000, 5_500), credits.account(client), "after two reservations");
        assertEquals(4_500, credits.available(client), "available after two reservations");

        Reservation charged = credits.charge(a, 1_200);
        assertEquals(ReservationState.CHARGED, charged.state());
        assertEquals(OptionalLong.of(1_200), charged.chargedMilli(), "charged amount");
        assertEquals(OptionalLong.of(CLOCK.millis()), charged.settledAtMs(), "settled time");
        assertEquals(new Balance(client, 8_800, 2_500), credits.account(client), "after charging 1.2 of 3 reserved");

        Reservation released = credits.release(b);
        assertEquals(ReservationState.RELEASED, released.state());
        assertEquals(OptionalLong.empty(), released.chargedMilli(), "a release charges nothing");
        assertEquals(new Balance(client, 8_800, 0), credits.account(client), "after releasing job-b");

        assertEquals(7_800, credits.grant(client, -1_000, "correction"), "negative grant");
        List<LedgerEntry> ledger = credits.ledger(client);
        assertEquals(List.of(10_000L, -1_200L, -1_000L), ledger.stream().map(LedgerEntry::deltaMilli).toList(), "ledger deltas");
        assertEquals("CHARGE", ledger.get(1).kind());
        assertEquals(a, ledger.get(1).reservationId().orElseThrow(), "charge entry names its reservation");
        assertEquals(new BigDecimal("7.8"), Credits.toCredits(credits.balance(client)), "balance in credits");
    }

    @Test
    void insufficientCreditsFailWithCode101AndChangeNothing() {
        credits.grant(client, 2_000, "small");
        credits.reserve(client, 1_500, "job-1");
        InsufficientCreditsException e = assertThrows(InsufficientCreditsException.class,
                () -> credits.reserve(client, 600, "job-2"));
        assertEquals(101, InsufficientCreditsException.API_ERROR_CODE);
        assertEquals(600, e.neededMilli());
        assertEquals(500, e.availableMilli());
        assertTrue(e.getMessage().contains("needs 0.6 credits but only 0.5"), e.getMessage());
        assertEquals(new Balance(client, 2_000, 1_500), credits.account(client), "after the refused reservation");
        assertTrue(credits.reservationForJob("job-2").isEmpty(), "no reservation row for the refused job");
        assertThrows(InsufficientCreditsException.class, () -> credits.grant(client, -600, "too much"),
                "a negative grant may not take reserved credits");
        assertThrows(UnknownClientException.class, () -> credits.reserve("nobody", 1, "job-x"));
        assertThrows(UnknownClientException.class, () -> credits.grant("nobody", 1, "x"));
    }

    @Test
    void chargeAndReleaseAreIdempotent() {
        credits.grant(client, 10_000, "budget");
        String r = credits.reserve(client, 4_000, "job");
        assertEquals(r, credits.reserve(client, 4_000, "job"), "re-submitting a job returns its reservation");
        assertEquals(4_000, credits.account(client).reservedMilli(), "reserved once for a re-submitted job");
        assertThrows(IllegalStateException.class, () -> credits.reserve(client, 5_000, "job"), "same job, other amount");
        assertThrows(IllegalArgumentException.class, () -> credits.charge(r, 4_001), "charge above the reservation");

        credits.charge(r, 3_000);
        Reservation again = credits.charge(r, 3_000);
        assertEquals(OptionalLong.of(3_000), again.chargedMilli(), "second charge returns the first");
        assertEquals(7_000, credits.balance(client), "balance after charging twice (counts once)");
        Reservation different = credits.charge(r, 1_000);
        assertEquals(OptionalLong.of(3_000), different.chargedMilli(), "a retry with another amount does not re-charge");
        assertEquals(ReservationState.CHARGED, credits.release(r).state(), "release after charge is a no-op");
        assertEquals(new Balance(client, 7_000, 0), credits.account(client), "after charge, charge, release");

        String s = credits.reserve(client, 2_000, "failing-job");
        credits.release(s);
        credits.release(s);
        assertEquals(new Balance(client, 7_000, 0), credits.account(client), "after releasing twice");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> credits.charge(s, 1_000));
        assertTrue(e.getMessage().contains("already released"), e.getMessage());
        assertThrows(UnknownReservationException.class, () -> credits.release("missing"));
        assertEquals(7_000, credits.ledger(client).stream().mapToLong(LedgerEntry::deltaMilli).sum(), "ledger sum");
    }

    @Test
    void twentyThreadsReservingConcurrentlyNeverOverdraw() throws Exception {
        CreditScenarios.concurrentReservationsNeverOverdraw(clients, credits);
    }

    @Test
    void concurrentChargesOfOneReservationChargeOnce() throws Exception {
        CreditScenarios.concurrentChargesOfOneReservationChargeOnce(clients, credits);
    }

    @Test
    void schemaRefusesAnOverdraftEvenIfCodeForgetsTheCondition() {
        credits.grant(client, 1_000, "budget");
        RuntimeException e = assertThrows(RuntimeException.class, () -> db.transaction(c -> c.createStatement()
                .executeUpdate("UPDATE credit_balances SET reserved_milli = 2000 WHERE client_id = '" + client + "'")));
        assertTrue(e.getMessage().toUpperCase().contains("CREDIT_BALANCES_NOT_OVERDRAWN"), e.getMessage());
    }
}
