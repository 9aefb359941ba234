package io.anim3d.motion;

import java.util.Arrays;

/**
 * One person's body landmarks in one frame, as a pose tracker saw them. Immutable: arrays are
 * copied on the way in and out.
 *
 * <p>Image landmarks are normalised to the processed frame (after rotation and crop): x and y
 * from 0 to 1 across its width and height, origin top-left, and z the depth relative to the
 * hips on roughly the same scale as x (MediaPipe's convention). World landmarks are in metres,
 * origin at the centre of the hips, x to the person's left on the image (image x), y down,
 * z away from the camera.
 */
public final class PoseObservation {
    private final float[] image;
    private final float[] world;
    private final float[] visibility;
    private final float[] presence;
    private final Roi roi;

    /**
     * @param image      33 × (x, y, z), normalised image coordinates
     * @param world      33 × (x, y, z), metres
     * @param visibility 33 probabilities that the landmark is visible (not occluded), 0 to 1
     * @param presence   33 probabilities that the landmark is in the frame, 0 to 1
     * @param roi        the region the landmark model was run on
     */
    public PoseObservation(float[] image, float[] world, float[] visibility, float[] presence, Roi roi) {
        this.image = checked(image, 3 * PoseLandmark.COUNT, "image");
        this.world = checked(world, 3 * PoseLandmark.COUNT, "world");
        this.visibility = checked(visibility, PoseLandmark.COUNT, "visibility");
        this.presence = checked(presence, PoseLandmark.COUNT, "presence");
        if (roi == null) {
            throw new IllegalArgumentException("roi is required");
        }
        this.roi = roi;
    }

    private static float[] checked(float[] values, int length, String what) {
        if (values == null || values.length != length) {
            throw new IllegalArgumentException(what + " needs " + length + " values, got "
                    + (values == null ? "none" : values.length));
        }
        return values.clone();
    }

    /** Image x of landmark {@code i}, fraction of the frame width. */
    public float x(int i) {
        return image[3 * i];
    }

    /** Image y of landmark {@code i}, fraction of the frame height. */
    public float y(int i) {
        return image[3 * i + 1];
    }

    /** Depth of landmark {@code i} relative to the hips, on the scale of x. */
    public float z(int i) {
        return image[3 * i + 2];
    }

    /** World x of landmark {@code i}, metres. */
    public float worldX(int i) {
        return world[3 * i];
    }

    /** World y of landmark {@code i}, metres. */
    public float worldY(int i) {
        return world[3 * i + 1];
    }

    /** World z of landmark {@code i}, metres. */
    public float worldZ(int i) {
        return world[3 * i + 2];
    }

    public float visibility(int i) {
        return visibility[i];
    }

    public float presence(int i) {
        return presence[i];
    }

    public Roi roi() {
        return roi;
    }

    /** A copy of the 99 image coordinates. */
    public float[] imageLandmarks() {
        return image.clone();
    }

    /** A copy of the 99 world coordinates, metres. */
    public float[] worldLandmarks() {
        return world.clone();
    }

    public float[] visibilities() {
        return visibility.clone();
    }

    public float[] presences() {
        return presence.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoseObservation p && Arrays.equals(image, p.image) && Arrays.equals(world, p.world)
                && Arrays.equals(visibility, p.visibility) && Arrays.equals(presence, p.presence)
                && roi.equals(p.roi);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(image) + Arrays.hashCode(world);
    }
}
