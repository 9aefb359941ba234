package io.anim3d.formats.landmarks;

import static io.anim3d.formats.landmarks.TrackAssertions.assertBitIdentical;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.LandmarkTrack;
import io.anim3d.motion.TrackFrame;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a later minor version may add must not break this reader. */
class DmpeExtensionTest {
    private static final LandmarkTrack TRACK = SyntheticTracks.irregular(40, 21);
    private static final byte[] FILE = Dmpe.toBytes(TRACK);

    @Test
    void unknownAncillaryRecordsAreSkipped() throws IOException {
        List<DmpeSurgery.Rec> recs = new ArrayList<>(DmpeSurgery.records(FILE));
        byte[] hands = new byte[2 * 21 * 3 * 4 + 17];
        Arrays.fill(hands, (byte) 0x5A);
        recs.add(11, new DmpeSurgery.Rec(0x02, hands)); // e.g. hands after frame 10
        recs.add(0, new DmpeSurgery.Rec(0x7F, new byte[0])); // an empty record before the first frame
        recs.add(recs.size() - 1, new DmpeSurgery.Rec(0x03, new byte[70_000])); // a big one before the end
        byte[] future = DmpeSurgery.assemble(FILE, recs, true);
        try (DmpeReader reader = DmpeReader.open(new ByteArrayInputStream(future))) {
            List<TrackFrame> frames = new ArrayList<>();
            reader.forEachRemaining(frames::add);
            assertEquals(3, reader.skippedRecords(), "skipped records");
            assertBitIdentical(TRACK, new LandmarkTrack(TRACK.frameWidth(), TRACK.frameHeight(), TRACK.frameRate(),
                    TRACK.model(), frames));
        }
    }

    @Test
    void unknownCriticalRecordIsRefused() {
        List<DmpeSurgery.Rec> recs = new ArrayList<>(DmpeSurgery.records(FILE));
        recs.add(5, new DmpeSurgery.Rec(0x81, new byte[8]));
        byte[] future = DmpeSurgery.assemble(FILE, recs, true);
        DmpeFormatException e = assertThrows(DmpeFormatException.class,
                () -> Dmpe.read(new ByteArrayInputStream(future)));
        assertTrue(e.getMessage().contains("after frame 4 ") && e.getMessage().contains("record type 0x81 must be understood"),
                e.getMessage());
    }

    @Test
    void longerFrameRecordsOfALaterMinorVersionAreRead() throws IOException {
        List<DmpeSurgery.Rec> recs = new ArrayList<>();
        for (DmpeSurgery.Rec r : DmpeSurgery.records(FILE)) {
            recs.add(r.type() == 0x01 ? new DmpeSurgery.Rec(0x01, Arrays.copyOf(r.payload(), r.payload().length + 12)) : r);
        }
        byte[] future = DmpeSurgery.assemble(FILE, recs, true);
        assertBitIdentical(TRACK, Dmpe.read(new ByteArrayInputStream(future)));
    }

    @Test
    void laterMinorVersionWithExtraHeaderFieldsIsRead() throws IOException {
        byte[] body = DmpeSurgery.headBody(FILE);
        byte[] extended = Arrays.copyOf(body, body.length + 6); // a field appended by version 1.3
        byte[] future = DmpeSurgery.withHead(FILE, extended, 1, 3);
        try (DmpeReader reader = DmpeReader.open(new ByteArrayInputStream(future))) {
            assertEquals("1.3", reader.formatVersion());
            assertEquals(DmpeHeader.of(TRACK), reader.header());
        }
        assertBitIdentical(TRACK, Dmpe.read(new ByteArrayInputStream(future)));
    }
}
