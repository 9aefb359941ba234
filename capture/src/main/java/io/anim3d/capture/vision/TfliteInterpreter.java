package io.anim3d.capture.vision;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithXNNPACK;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * One TensorFlow Lite interpreter with the XNNPACK delegate. Not thread-safe: each worker
 * thread owns its interpreters. Input and output buffers are views of the interpreter's own
 * tensors: valid until {@link #close()}, overwritten by the next {@link #run()}.
 */
public final class TfliteInterpreter implements AutoCloseable {
    private final String modelName;
    private final BuiltinOpResolverWithXNNPACK resolver;
    private final Interpreter interpreter;
    private final FloatBuffer[] inputs;
    private final FloatBuffer[] outputs;
    private final int[][] outputShapes;

    TfliteInterpreter(TfliteModel owner, FlatBufferModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.modelName = owner.name();
        this.resolver = new BuiltinOpResolverWithXNNPACK(true);
        this.interpreter = new Interpreter((Pointer) null);
        try (InterpreterBuilder builder = new InterpreterBuilder(model, resolver)) {
            // XNNPACK takes its thread count from the builder when it is applied.
            builder.SetNumThreads(threads);
            check(builder.apply(interpreter), "build the interpreter");
        }
        check(interpreter.AllocateTensors(), "allocate tensors");
        inputs = new FloatBuffer[(int) interpreter.inputs().capacity()];
        for (int i = 0; i < inputs.length; i++) {
            TfLiteTensor t = interpreter.input_tensor(i);
            inputs[i] = interpreter.typed_input_tensor_float(i).capacity(t.bytes() / 4).asBuffer();
        }
        outputs = new FloatBuffer[(int) interpreter.outputs().capacity()];
        outputShapes = new int[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            TfLiteTensor t = interpreter.output_tensor(i);
            outputs[i] = interpreter.typed_output_tensor_float(i).capacity(t.bytes() / 4).asBuffer();
            TfLiteIntArray dims = t.dims();
            outputShapes[i] = new int[dims.size()];
            for (int d = 0; d < outputShapes[i].length; d++) {
                outputShapes[i][d] = dims.data(d);
            }
        }
    }

    private void check(int status, String what) {
        if (status != 0) {
            throw new CaptureException(ErrorCode.POSE_ESTIMATION, "TensorFlow Lite could not " + what + " for "
                    + modelName + " (status " + status + ")");
        }
    }

    /** The float input tensor {@code i}, positioned at 0. */
    public FloatBuffer input(int i) {
        return inputs[i].clear();
    }

    /** The float output tensor {@code i}, positioned at 0; valid after {@link #run()}. */
    public FloatBuffer output(int i) {
        return outputs[i].clear();
    }

    public int outputCount() {
        return outputs.length;
    }

    /** Shape of output {@code i}, e.g. {@code [1, 2254, 12]}. */
    public int[] outputShape(int i) {
        return outputShapes[i].clone();
    }

    /** Runs the model on the current inputs. */
    public void run() {
        int status = interpreter.Invoke();
        if (status != 0) {
            throw new CaptureException(ErrorCode.BODY_TRACKING, "TensorFlow Lite failed to run " + modelName + " (status " + status + ")");
        }
    }

    @Override
    public void close() {
        interpreter.close();
        resolver.close();
    }
}
