package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A square PNG picture of a character standing in its rest (bind) pose, seen from a
 * three-quarter front view slightly from above, on the product's default look
 * ({@link RenderStyle#defaults()}: ground plane, soft shadow): the {@code thumb} of the character
 * APIs.
 *
 * <p>Framing follows the mesh, not the skeleton, so any character fits whatever its size, units
 * or proportions: the camera looks at the centre of the mesh's picture and stands just far enough
 * away that every vertex lies inside the middle {@value #FILL} of the frame both ways. The
 * character is lifted or lowered so that its lowest vertex touches the floor (y = 0), as the stock
 * characters do; an imported model whose origin is at its hips would otherwise stand half under
 * the floor.
 *
 * <p>Deterministic: the same character and size give the same bytes (the renderer is
 * deterministic and the JDK's PNG writer adds no time or version). Stateless and thread-safe;
 * each call renders on the calling thread.
 */
public final class CharacterThumbnail {
    /** The size the character APIs use, pixels each way. */
    public static final int DEFAULT_SIZE = 256;
    /** Largest size accepted, pixels each way. */
    public static final int MAX_SIZE = 2048;
    /** Degrees the camera turns from the character's front towards its left: shows depth without hiding an arm. */
    static final double YAW_DEGREES = 25;
    /** Degrees the camera looks down: the floor and the shadow show, the head is not foreshortened. */
    static final double PITCH_DEGREES = 10;
    /** A narrow lens: little perspective distortion at the short distance a small picture needs. */
    static final double FOV_DEGREES = 30;
    /** Share of the frame's width and height the character's picture may span: 8 % margin on each side. */
    static final double FILL = 0.84;

    private CharacterThumbnail() {
    }

    /** {@link #png(Character, int)} at {@link #DEFAULT_SIZE}. */
    public static byte[] png(Character character) {
        return png(character, DEFAULT_SIZE);
    }

    /**
     * Renders the thumbnail and encodes it as PNG (8-bit RGB, no alpha).
     *
     * @param size pixels each way, 16 to {@value #MAX_SIZE}
     * @throws IllegalArgumentException when the character has no finite vertex to draw, for a size
     *                                  out of range, or when a material's texture is not a readable image
     */
    public static byte[] png(Character character, int size) {
        int[] argb = render(character, size);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, size, size, argb, 0, size);
        return encodePng(image);
    }

    /** The thumbnail's pixels, {@code 0xFFRRGGBB}, row-major from the top. */
    static int[] render(Character character, int size) {
        Objects.requireNonNull(character, "character");
        if (size < 16 || size > MAX_SIZE) {
            throw new IllegalArgumentException("thumbnail size must be 16 to " + MAX_SIZE + " pixels, got " + size);
        }
        Shot shot = shot(character);
        int[] argb = new int[size * size];
        try (CharacterRenderer renderer = new CharacterRenderer(character, size, size, RenderStyle.defaults())) {
            renderer.render(shot.pose(), shot.camera(), argb);
        }
        return argb;
    }

    /** The pose and camera of a character's thumbnail (the same for every size: the frame is square). */
    record Shot(Pose pose, Camera camera) {
    }

    /** @throws IllegalArgumentException when the character has no finite vertex to draw */
    static Shot shot(Character character) {
        double[] box = bounds(character);
        Vec3 lift = new Vec3(0, CharacterRenderer.FLOOR_Y - box[1], 0);
        return new Shot(restPose(character, lift), frame(character, lift, box));
    }

    /** Every local rotation identity, the root at its rest offset moved by {@code lift}: the bind pose, standing on the floor. */
    static Pose restPose(Character character, Vec3 lift) {
        Quat[] local = new Quat[character.skeleton().size()];
        Arrays.fill(local, Quat.IDENTITY);
        return Pose.of(character.skeleton(), local, character.skeleton().offset(0).plus(lift));
    }

    /**
     * The camera: looking at the middle of the box from {@link #YAW_DEGREES} and {@link #PITCH_DEGREES},
     * as close as the vertices allow, then re-aimed so that their picture is centred, and placed
     * once more for the new aim.
     *
     * <p>In the camera's frame (unit {@code dir} from the target to the eye, {@code right},
     * {@code up}) a vertex at offset q from the target lies at depth D − q·dir and inside the
     * frame's middle {@code FILL} when max(|q·right|, |q·up|) ≤ FILL · tan(fov/2) · depth; so the
     * smallest distance D that keeps every vertex inside is a maximum over the vertices.
     */
    private static Camera frame(Character character, Vec3 lift, double[] box) {
        Vec3 target = new Vec3((box[0] + box[3]) / 2, (box[1] + box[4]) / 2, (box[2] + box[5]) / 2).plus(lift);
        Camera probe = Camera.orbit(target, YAW_DEGREES, PITCH_DEGREES, 1, FOV_DEGREES);
        Vec3 dir = probe.eye().minus(probe.target()).normalized();
        Vec3 right = dir.times(-1).cross(Vec3.Y).normalized();
        Vec3 up = right.cross(dir.times(-1));
        double tan = StrictMath.tan(Math.toRadians(FOV_DEGREES) / 2);

        double distance = fitDistance(character, lift, target, dir, right, up, tan);
        // Centre the picture: the middle of the vertices' extent on the image plane, moved back to the target's depth.
        double[] extent = extent(character, lift, target.plus(dir.times(distance)), dir, right, up);
        Vec3 shift = right.times((extent[0] + extent[1]) / 2 * distance).plus(up.times((extent[2] + extent[3]) / 2 * distance));
        target = target.plus(shift);
        distance = fitDistance(character, lift, target, dir, right, up, tan);
        return Camera.orbit(target, YAW_DEGREES, PITCH_DEGREES, distance, FOV_DEGREES);
    }

    private static double fitDistance(Character character, Vec3 lift, Vec3 target, Vec3 dir, Vec3 right, Vec3 up,
                                      double tan) {
        double reach = FILL * tan;
        double distance = 0;
        double dx = lift.x() - target.x();
        double dy = lift.y() - target.y();
        double dz = lift.z() - target.z();
        for (Mesh m : character.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i += 3) {
                if (!finite(p, i)) {
                    continue;
                }
                double qx = p[i] + dx;
                double qy = p[i + 1] + dy;
                double qz = p[i + 2] + dz;
                double across = Math.max(Math.abs(qx * right.x() + qy * right.y() + qz * right.z()),
                        Math.abs(qx * up.x() + qy * up.y() + qz * up.z()));
                distance = Math.max(distance, across / reach + qx * dir.x() + qy * dir.y() + qz * dir.z());
            }
        }
        // Never inside the character, whatever its shape.
        return Math.max(distance, 1e-3);
    }

    /** min and max of x / depth, then of y / depth, over every vertex seen from {@code eye}. */
    private static double[] extent(Character character, Vec3 lift, Vec3 eye, Vec3 dir, Vec3 right, Vec3 up) {
        double[] e = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Mesh m : character.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i += 3) {
                if (!finite(p, i)) {
                    continue;
                }
                Vec3 q = new Vec3(p[i] + lift.x() - eye.x(), p[i + 1] + lift.y() - eye.y(), p[i + 2] + lift.z() - eye.z());
                double depth = -q.dot(dir);
                double x = q.dot(right) / depth;
                double y = q.dot(up) / depth;
                e[0] = Math.min(e[0], x);
                e[1] = Math.max(e[1], x);
                e[2] = Math.min(e[2], y);
                e[3] = Math.max(e[3], y);
            }
        }
        return e;
    }

    /**
     * min x, y, z, then max x, y, z of every finite bind-pose vertex, metres.
     *
     * @throws IllegalArgumentException when there is none
     */
    static double[] bounds(Character character) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Mesh m : character.meshes()) {
            float[] p = m.positions();
            for (int i = 0; i < p.length; i += 3) {
                if (!finite(p, i)) {
                    continue;
                }
                for (int k = 0; k < 3; k++) {
                    b[k] = Math.min(b[k], p[i + k]);
                    b[3 + k] = Math.max(b[3 + k], p[i + k]);
                }
            }
        }
        if (b[0] > b[3]) {
            throw new IllegalArgumentException("character " + character.name()
                    + " has no mesh to draw (no vertex with finite coordinates); a thumbnail needs a skinned mesh");
        }
        return b;
    }

    private static boolean finite(float[] p, int i) {
        return Float.isFinite(p[i]) && Float.isFinite(p[i + 1]) && Float.isFinite(p[i + 2]);
    }

    /** In memory: ImageIO would otherwise buffer an OutputStream in a temporary file. */
    private static byte[] encodePng(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no PNG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the thumbnail as PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
