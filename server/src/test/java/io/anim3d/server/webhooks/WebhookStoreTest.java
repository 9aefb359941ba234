package io.anim3d.server.webhooks;

import io.anim3d.server.db.Database;
import io.anim3d.server.db.DatabaseOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WebhookStoreScenarios} on H2 in a temporary directory. */
class WebhookStoreTest {
    @TempDir
    Path dir;
    Database db;
    WebhookStoreScenarios scenarios;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseOptions.h2InDataDirectory(dir));
        scenarios = new WebhookStoreScenarios(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void endpointsRoundTripAndStayWithTheirClient() {
        scenarios.endpointsRoundTripAndStayWithTheirClient();
    }

    @Test
    void theLimitHoldsUnderConcurrentCreation() throws Exception {
        scenarios.theLimitHoldsUnderConcurrentCreation();
    }

    @Test
    void anEventIsQueuedOncePerEndpoint() {
        scenarios.anEventIsQueuedOncePerEndpoint();
    }

    @Test
    void concurrentClaimsTakeEachRowOnce() throws Exception {
        scenarios.concurrentClaimsTakeEachRowOnce();
    }

    @Test
    void aLostLeaseCannotRecordAndFailuresWaitForTheirTime() {
        scenarios.aLostLeaseCannotRecordAndFailuresWaitForTheirTime();
    }

    @Test
    void givenUpAndDeliveredRowsArePruned() {
        scenarios.givenUpAndDeliveredRowsArePruned();
    }
}
