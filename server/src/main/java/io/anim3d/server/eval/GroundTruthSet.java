package io.anim3d.server.eval;

import io.anim3d.motion.Vec3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 3D pose ground truth in mmpose's preprocessed {@code .npz} layout (the files of mmpose's
 * {@code tests/data/h36m} and {@code tests/data/mpi_inf_3dhp}): arrays {@code imgname} (N,)
 * unicode, {@code center} (N, 2), {@code scale} (N,), {@code part} (N, 17, 3) pixels + visibility
 * and {@code S} (N, 17, 4) camera-frame metres + confidence. Image names are relative to the
 * folder of the {@code .npz}: {@code S1/S1_Directions_1.54138969/...jpg} for Human3.6M, a bare
 * file name such as {@code TS1_002001.jpg} for MPI-INF-3DHP. Immutable.
 */
public final class GroundTruthSet {
    private final Path file;
    private final DatasetJoints joints;
    private final List<GroundTruthSample> samples;

    private GroundTruthSet(Path file, DatasetJoints joints, List<GroundTruthSample> samples) {
        this.file = file;
        this.joints = joints;
        this.samples = List.copyOf(samples);
    }

    /**
     * Loads {@code npz} with the given joint order and checks that every image exists.
     *
     * @throws GroundTruthException when an array is missing or misshapen, or an image is missing
     */
    public static GroundTruthSet load(Path npz, DatasetJoints joints) throws IOException {
        Path file = npz.toAbsolutePath().normalize();
        Npz arrays = Npz.read(file);
        NpyArray imgname = arrays.get("imgname");
        if (imgname.dtype() != NpyArray.DType.UNICODE || imgname.shape().length != 1) {
            throw new GroundTruthException(imgname.name() + " should be a 1-D unicode array of image names, it is " + imgname);
        }
        String[] names = imgname.strings();
        int n = names.length;
        int k = joints.size();
        double[] s = shaped(arrays, "S", n, k, 4);
        double[] part = shaped(arrays, "part", n, k, 3);
        double[] center = shaped(arrays, "center", n, 2);
        double[] scale = shaped(arrays, "scale", n);
        Path folder = file.getParent();
        List<GroundTruthSample> samples = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Path image = folder.resolve(names[i]).normalize();
            if (!image.startsWith(folder) || !Files.isRegularFile(image)) {
                throw new GroundTruthException(file.getFileName() + ": image " + names[i] + " of sample " + i
                        + " is not at " + image + "; keep the images beside the .npz as mmpose's data layout does");
            }
            Vec3[] positions = new Vec3[k];
            double[] confidence = new double[k];
            double[][] kp = new double[k][];
            for (int j = 0; j < k; j++) {
                int o = (i * k + j) * 4;
                positions[j] = new Vec3(s[o], s[o + 1], s[o + 2]);
                confidence[j] = s[o + 3];
                int p = (i * k + j) * 3;
                kp[j] = new double[] {part[p], part[p + 1], part[p + 2]};
            }
            samples.add(new GroundTruthSample(joints, names[i], image, positions, confidence, kp,
                    new double[] {center[2 * i], center[2 * i + 1]}, scale[i]));
        }
        return new GroundTruthSet(file, joints, samples);
    }

    /** Human3.6M: {@code test_h36m_body3d.npz} in {@code h36mFolder}. */
    public static GroundTruthSet h36m(Path h36mFolder) throws IOException {
        return load(h36mFolder.resolve("test_h36m_body3d.npz"), DatasetJoints.H36M);
    }

    /** MPI-INF-3DHP: one of its {@code .npz} files (e.g. {@code test_3dhp_test.npz}), images beside it. */
    public static GroundTruthSet mpiInf3dhp(Path npz) throws IOException {
        return load(npz, DatasetJoints.MPI_INF_3DHP);
    }

    private static double[] shaped(Npz arrays, String name, int... shape) throws IOException {
        NpyArray a = arrays.get(name);
        if (!Arrays.equals(a.shape(), shape)) {
            throw new GroundTruthException(a.name() + " has shape " + Arrays.toString(a.shape()) + ", expected "
                    + Arrays.toString(shape) + " (samples, joints, values)");
        }
        return a.doubles();
    }

    /** The {@code .npz} file, absolute. */
    public Path file() {
        return file;
    }

    public DatasetJoints joints() {
        return joints;
    }

    public List<GroundTruthSample> samples() {
        return samples;
    }

    public int size() {
        return samples.size();
    }
}
