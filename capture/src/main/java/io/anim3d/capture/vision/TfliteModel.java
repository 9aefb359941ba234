package io.anim3d.capture.vision;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.FlatBufferModel;

/**
 * A TensorFlow Lite model loaded from the models packaged with the build (no file system, no
 * network). The model is immutable and may be shared by threads; each thread makes its own
 * {@link TfliteInterpreter}.
 */
public final class TfliteModel implements AutoCloseable {
    /** Class-path folder the build puts the models in (capture/models/fetch-models.mjs). */
    static final String RESOURCE_DIR = "/io/anim3d/models/";

    private final String name;
    private final BytePointer bytes;
    private final FlatBufferModel model;

    private TfliteModel(String name, BytePointer bytes, FlatBufferModel model) {
        this.name = name;
        this.bytes = bytes;
        this.model = model;
    }

    /** Loads a packaged model by file name, e.g. {@code pose_detection.tflite}. */
    public static TfliteModel load(String fileName) {
        byte[] data;
        try (InputStream in = TfliteModel.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new CaptureException(ErrorCode.POSE_ESTIMATION, "model " + fileName
                        + " is not packaged with this build; rebuild with 'mvn package' (it fetches the models with npm)");
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new CaptureException(ErrorCode.POSE_ESTIMATION, "model " + fileName + " could not be read: " + e.getMessage(), e);
        }
        // The FlatBufferModel points into this buffer: it lives as long as the model.
        BytePointer bytes = new BytePointer(data.length);
        bytes.put(data, 0, data.length);
        FlatBufferModel model = FlatBufferModel.BuildFromBuffer(bytes, data.length);
        if (model == null || model.isNull()) {
            bytes.close();
            throw new CaptureException(ErrorCode.POSE_ESTIMATION, "model " + fileName + " is not a valid TensorFlow Lite model");
        }
        return new TfliteModel(fileName, bytes, model);
    }

    public String name() {
        return name;
    }

    /** A new interpreter for the calling thread, running on {@code threads} threads with XNNPACK. */
    public TfliteInterpreter newInterpreter(int threads) {
        return new TfliteInterpreter(this, model, threads);
    }

    @Override
    public void close() {
        model.close();
        bytes.close();
    }
}
