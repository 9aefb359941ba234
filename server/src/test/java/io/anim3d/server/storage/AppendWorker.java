package io.anim3d.server.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One contender in the cross-process append test, run in a child JVM (and in threads):
 * appends chunks filled with its own marker byte to one upload at whatever size the upload has,
 * until the upload is full, and prints how many of its chunks were accepted.
 * Arguments: root key marker chunkBytes totalChunks startFile.
 */
public final class AppendWorker {
    private AppendWorker() {
    }

    public static void main(String[] args) throws Exception {
        Path startFile = Path.of(args[5]);
        while (!Files.exists(startFile)) {
            Thread.sleep(1);
        }
        int accepted = run(new LocalBlobStore(Path.of(args[0])), args[1], Byte.parseByte(args[2]),
                Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.out.println(accepted);
    }

    static int run(BlobStore store, String key, byte marker, int chunkBytes, int totalChunks) throws IOException {
        byte[] chunk = new byte[chunkBytes];
        Arrays.fill(chunk, marker);
        long total = (long) chunkBytes * totalChunks;
        int accepted = 0;
        while (true) {
            long at = store.sizeSoFar(key);
            if (at >= total) {
                return accepted;
            }
            try {
                store.append(key, at, new ByteArrayInputStream(chunk), total);
                accepted++;
            } catch (UploadOffsetException someoneElseWasFaster) {
                // retry at the new size
            } catch (BlobTooLargeException full) {
                return accepted;
            }
        }
    }
}
