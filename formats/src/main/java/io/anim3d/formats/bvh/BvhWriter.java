package io.anim3d.formats.bvh;

import io.anim3d.formats.io.AtomicFile;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link Motion} as BVH: centimetres, Y up, rotation channels {@code Zrotation Xrotation
 * Yrotation} (R = Rz·Rx·Ry) in degrees, continuous from frame to frame (see {@link ZxyEuler}).
 *
 * <ul>
 *   <li>The root has 6 channels; its OFFSET is its rest offset and its position channels hold its
 *       absolute position, which <em>replaces</em> the OFFSET (the BVH convention, and what
 *       Blender's importer does).
 *   <li>Other joints with children have 3 rotation channels; leaves (HeadTop_End, finger tips,
 *       toe ends) are End Sites, so their own rotation is not written (it moves nothing).
 *   <li>A root named {@code Root} with a single child (Humanoid.standard(true)) is written static:
 *       6 channels all zero. Its child (Hips) gets 6 channels with its world transform, which
 *       carries both the Hips' own translation ({@link Motion#translatedJoint()}) and any motion of
 *       the Root: position = Root position + Root rotation · Hips translation, rotation = Root
 *       rotation · Hips rotation.
 *       Every joint but Root lands exactly where {@link Motion#worldPositions} puts it; Root lands
 *       at the origin, which is where a rootAtOrigin motion keeps it anyway.
 * </ul>
 *
 * Output is deterministic: '\n' line endings, tabs, fixed 6 decimals, Locale-free formatting.
 */
public final class BvhWriter {
    private static final double METRES_TO_CM = 100;

    private BvhWriter() {
    }

    /**
     * Writes {@code motion} to {@code file} atomically: into a temporary sibling, synced, then moved
     * over {@code file}, so a failure never leaves a partial file there.
     */
    public static void write(Motion motion, Path file) throws IOException {
        AtomicFile.write(file, stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            writeTo(motion, out);
            out.flush();
        });
    }

    /** The whole file as text. */
    public static String toString(Motion motion) {
        StringWriter out = new StringWriter(1 << 16);
        try {
            writeTo(motion, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /** The whole file as UTF-8 bytes. */
    public static byte[] toBytes(Motion motion) {
        return toString(motion).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeTo(Motion motion, Writer out) throws IOException {
        BvhLayout layout = BvhLayout.of(motion.skeleton());
        StringBuilder sb = new StringBuilder(1 << 12);
        sb.append("HIERARCHY\n");
        writeJoint(layout, 0, 0, sb);
        sb.append("MOTION\n");
        sb.append("Frames: ").append(motion.frameCount()).append('\n');
        sb.append("Frame Time: ").append(BvhNumbers.frameTime(motion.frameRate())).append('\n');
        out.write(sb.toString());
        writeFrames(motion, layout, out);
    }

    private static void writeJoint(BvhLayout layout, int joint, int depth, StringBuilder sb) {
        Skeleton s = layout.skeleton();
        String indent = "\t".repeat(depth);
        if (layout.isEndSite(joint)) {
            sb.append(indent).append("End Site\n").append(indent).append("{\n");
            appendOffset(sb, indent + "\t", s.offset(joint));
            sb.append(indent).append("}\n");
            return;
        }
        sb.append(indent).append(joint == 0 ? "ROOT " : "JOINT ").append(s.name(joint)).append('\n');
        sb.append(indent).append("{\n");
        appendOffset(sb, indent + "\t", s.offset(joint));
        sb.append(indent).append(layout.hasPosition(joint)
                ? "\tCHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
                : "\tCHANNELS 3 Zrotation Xrotation Yrotation\n");
        for (int c : layout.children().get(joint)) {
            writeJoint(layout, c, depth + 1, sb);
        }
        sb.append(indent).append("}\n");
    }

    private static void appendOffset(StringBuilder sb, String indent, Vec3 offsetMetres) {
        sb.append(indent).append("OFFSET ");
        appendCentimetres(sb, offsetMetres);
        sb.append('\n');
    }

    private static void writeFrames(Motion motion, BvhLayout layout, Writer out) throws IOException {
        int[] joints = layout.channelJoints();
        ZxyEuler[] euler = new ZxyEuler[joints.length];
        for (int i = 0; i < euler.length; i++) {
            euler[i] = new ZxyEuler();
        }
        Skeleton s = motion.skeleton();
        StringBuilder line = new StringBuilder(joints.length * 40);
        for (int f = 0; f < motion.frameCount(); f++) {
            line.setLength(0);
            // With a static Root, its child is written with its world transform: the Root's own
            // motion (if any) and the child's translation (Motion.translatedJoint) move into it.
            Pose world = layout.staticRoot() ? motion.worldTransforms(f) : null;
            for (int i = 0; i < joints.length; i++) {
                int j = joints[i];
                Quat q = motion.rotation(f, j);
                if (layout.staticRoot() && j == 0) {
                    line.append("0.000000 0.000000 0.000000 0.000000 0.000000 0.000000 ");
                    continue;
                }
                if (j == 0) {
                    appendCentimetres(line, motion.rootPosition(f));
                    line.append(' ');
                } else if (layout.hasPosition(j)) {
                    appendCentimetres(line, world.position(j));
                    line.append(' ');
                    q = world.rotation(j);
                }
                appendRotation(line, euler[i], q, f, s.name(j));
            }
            line.setLength(line.length() - 1);
            line.append('\n');
            out.write(line.toString());
        }
    }

    private static void appendCentimetres(StringBuilder sb, Vec3 metres) {
        BvhNumbers.appendFixed(sb, metres.x() * METRES_TO_CM);
        sb.append(' ');
        BvhNumbers.appendFixed(sb, metres.y() * METRES_TO_CM);
        sb.append(' ');
        BvhNumbers.appendFixed(sb, metres.z() * METRES_TO_CM);
    }

    private static void appendRotation(StringBuilder sb, ZxyEuler euler, Quat q, int frame, String joint) {
        double n = q.w() * q.w() + q.x() * q.x() + q.y() * q.y() + q.z() * q.z();
        if (!(Math.abs(n - 1) < 1e-6)) {
            throw new IllegalArgumentException("frame " + frame + " joint " + joint + ": rotation " + q
                    + " is not a unit quaternion (norm² " + n + ")");
        }
        double[] zxy = euler.next(q.normalized().toMatrix());
        for (double radians : zxy) {
            BvhNumbers.appendFixed(sb, Math.toDegrees(radians));
            sb.append(' ');
        }
    }
}
