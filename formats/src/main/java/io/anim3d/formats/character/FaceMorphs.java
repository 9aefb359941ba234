package io.anim3d.formats.character;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * The 52 ARKit face blendshapes of a stock head, as smooth displacement fields over the face:
 * each moves a region (eyelids, brows, lips, mouth corners, cheeks, jaw, tongue) by a few
 * millimetres (the jaw and tongue by centimetres), with Gaussian falloff so neighbours follow.
 * Amounts are metres for the standard adult head, scaled by the head's scale.
 */
final class FaceMorphs {
    /** What a vertex belongs to. */
    enum Part { SKIN, NECK, TONGUE, EYE, MOUTH }

    /**
     * A vertex with its place on the face.
     *
     * @param direction unit direction from the head's centre (skin) or of the eye's socket (eye)
     * @param center    centre of the vertex's eye or mouth cavity (eye and mouth only)
     * @param side      0 left, 1 right (eye only)
     * @param lip       on the line where the lips part: +1 the upper lip's copy, -1 the lower lip's, else 0
     */
    record Point(Part part, Vec3 direction, Vec3 position, Vec3 center, int side, int lip) {
    }

    /** Jaw opening for jawOpen = 1, radians (chin drops about 2.5 cm). */
    private static final double JAW_OPEN = 0.2;

    private FaceMorphs() {
    }

    /** Every ARKit shape over {@code points}; with {@code onlyMoving}, shapes that move nothing are left out. */
    static List<MorphTarget> morphs(List<Point> points, HeadShape shape, boolean onlyMoving) {
        List<MorphTarget> out = new ArrayList<>();
        for (String name : ArkitBlendshapes.NAMES) {
            float[] d = new float[3 * points.size()];
            boolean moves = false;
            for (int v = 0; v < points.size(); v++) {
                Vec3 delta = delta(name, points.get(v), shape);
                d[3 * v] = (float) delta.x();
                d[3 * v + 1] = (float) delta.y();
                d[3 * v + 2] = (float) delta.z();
                moves |= delta.length() > 1e-5;
            }
            if (moves || !onlyMoving) {
                out.add(new MorphTarget(name, d, null));
            }
        }
        return out;
    }

    /** The offset of one vertex for blendshape {@code name} at weight 1, metres. */
    static Vec3 delta(String name, Point p, HeadShape shape) {
        int s = name.endsWith("Left") ? 1 : name.endsWith("Right") ? -1 : 0;
        String base = s > 0 ? name.substring(0, name.length() - 4) : s < 0 ? name.substring(0, name.length() - 5) : name;
        return base.equals("jawOpen") ? jawOpen(p, shape) : raw(base, s, p).times(shape.scale);
    }

    private static Vec3 raw(String base, int s, Point p) {
        if (p.part() == Part.EYE) {
            return eye(base, s, p);
        }
        if (p.part() == Part.TONGUE || p.part() == Part.MOUTH) {
            double w = jaw(p);
            return switch (base) {
                case "tongueOut" -> p.part() == Part.TONGUE ? new Vec3(0, -0.006, 0.040) : Vec3.ZERO;
                case "jawForward" -> v(0, 0, 0.008, w);
                case "jaw" -> v(s * 0.008, 0, 0, w); // jawLeft, jawRight
                default -> Vec3.ZERO;
            };
        }
        if (p.part() != Part.SKIN) {
            return Vec3.ZERO;
        }
        double nx = p.direction().x();
        double ny = p.direction().y();
        double sideOf = Math.signum(nx);
        double upperLid = bump(p, s * HeadShape.EYE_X, 0.11, 0.14, 0.055);
        double lowerLid = bump(p, s * HeadShape.EYE_X, -0.06, 0.13, 0.045);
        double corner = bump(p, s * 0.24, HeadShape.MOUTH_Y, 0.12, 0.08);
        double corners = bump(p, sideOf * 0.24, HeadShape.MOUTH_Y, 0.12, 0.08);
        // Along the parting line each lip moves only its own copy of the vertices.
        double upperLip = p.lip() < 0 ? 0 : bump(p, 0, -0.46, 0.20, 0.05);
        double lowerLip = p.lip() > 0 ? 0 : bump(p, 0, -0.57, 0.18, 0.05);
        double mouth = bump(p, 0, HeadShape.MOUTH_Y, 0.32, 0.10);
        double cheek = bump(p, s * 0.42, -0.25, 0.15, 0.12);
        return switch (base) {
            case "eyeBlink" -> v(0, -0.008, 0.002, upperLid).plus(v(0, 0.002, 0, lowerLid));
            case "eyeLookDown" -> v(0, -0.0035, 0, upperLid).plus(v(0, -0.002, 0, lowerLid));
            case "eyeLookUp" -> v(0, 0.0035, 0, upperLid).plus(v(0, 0.001, 0, lowerLid));
            case "eyeLookIn" -> v(-s * 0.0035, 0, 0, upperLid + lowerLid);
            case "eyeLookOut" -> v(s * 0.0035, 0, 0, upperLid + lowerLid);
            case "eyeSquint" -> v(0, 0.004, 0.001, lowerLid).plus(v(0, 0.002, 0, cheek));
            case "eyeWide" -> v(0, 0.0045, 0, upperLid);
            case "jawForward" -> v(0, 0, 0.008, jaw(p));
            case "jaw" -> v(s * 0.008, 0, 0, jaw(p)); // jawLeft, jawRight
            case "mouthClose" -> v(0, 0.004, 0, lowerLip).plus(v(0, -0.002, 0, upperLip));
            case "mouthFunnel" -> v(0, 0, 0.006, mouth).plus(v(-sideOf * 0.004, 0, 0, corners))
                    .plus(v(0, 0.002, 0, upperLip)).plus(v(0, -0.002, 0, lowerLip));
            case "mouthPucker" -> v(0, 0, 0.008, mouth).plus(v(-sideOf * 0.007, 0, 0, corners));
            case "mouth" -> v(s * 0.007, 0, 0, mouth); // mouthLeft, mouthRight
            case "mouthSmile" -> v(s * 0.004, 0.006, -0.002, corner).plus(v(0, 0.002, 0, cheek));
            case "mouthFrown" -> v(0, -0.005, 0, corner);
            case "mouthDimple" -> v(s * 0.002, 0, -0.004, corner);
            case "mouthStretch" -> v(s * 0.006, -0.002, -0.001, corner);
            case "mouthRollLower" -> v(0, 0.002, -0.004, lowerLip);
            case "mouthRollUpper" -> v(0, -0.002, -0.004, upperLip);
            case "mouthShrugLower" -> v(0, 0.004, 0.002, bump(p, 0, -0.62, 0.25, 0.12));
            case "mouthShrugUpper" -> v(0, 0.004, 0.001, upperLip);
            case "mouthPress" -> v(0, p.lip() > 0 || p.lip() == 0 && ny > HeadShape.MOUTH_Y ? -0.003 : 0.003, -0.002,
                    bump(p, s * 0.12, HeadShape.MOUTH_Y, 0.14, 0.07));
            case "mouthLowerDown" -> v(0, -0.006, 0, bump(p, s * 0.12, -0.57, 0.14, 0.06));
            case "mouthUpperUp" -> v(0, 0.006, 0, bump(p, s * 0.12, -0.45, 0.14, 0.06));
            case "browDown" -> v(0, -0.006, 0.001, bump(p, s * 0.34, 0.21, 0.20, 0.07));
            case "browInnerUp" -> v(0, 0.007, 0, bump(p, sideOf * 0.14, 0.20, 0.12, 0.08));
            case "browOuterUp" -> v(0, 0.007, 0, bump(p, s * 0.54, 0.19, 0.14, 0.08));
            case "cheekPuff" -> v(sideOf * 0.008, 0, 0.004, bump(p, sideOf * 0.50, -0.38, 0.18, 0.16));
            case "cheekSquint" -> v(0, 0.004, 0.001, bump(p, s * 0.42, -0.18, 0.14, 0.09));
            case "noseSneer" -> v(0, 0.004, 0.001, bump(p, s * 0.12, -0.18, 0.08, 0.09));
            case "tongueOut" -> v(0, -0.003, 0.002, lowerLip);
            default -> Vec3.ZERO;
        };
    }

    /** The eyes: blink flattens the eye shut, look shifts it inside the socket, wide enlarges it. */
    private static Vec3 eye(String base, int s, Point p) {
        int side = s > 0 ? 0 : 1;
        if (s == 0 || p.side() != side) {
            return Vec3.ZERO;
        }
        Vec3 l = p.position().minus(p.center());
        return switch (base) {
            case "eyeBlink" -> new Vec3(0, -0.9 * l.y() - 0.001, 0);
            case "eyeLookDown" -> new Vec3(0, -0.003, 0);
            case "eyeLookUp" -> new Vec3(0, 0.003, 0);
            case "eyeLookIn" -> new Vec3(-s * 0.003, 0, 0);
            case "eyeLookOut" -> new Vec3(s * 0.003, 0, 0);
            case "eyeSquint" -> new Vec3(0, l.y() < 0 ? -0.5 * l.y() : 0, 0);
            case "eyeWide" -> l.times(0.2);
            default -> Vec3.ZERO;
        };
    }

    /** Lowers the jaw: the chin, lower lip, tongue and mouth floor turn about a hinge below the ears. */
    private static Vec3 jawOpen(Point p, HeadShape shape) {
        double w = jaw(p);
        if (w == 0) {
            return Vec3.ZERO;
        }
        Vec3 hinge = shape.center.plus(new Vec3(0, -0.015, -0.010).times(shape.scale));
        Vec3 r = p.position().minus(hinge);
        return Quat.axisAngle(Vec3.X, JAW_OPEN).rotate(r).minus(r).times(w);
    }

    /**
     * How much a vertex follows the jaw: 1 on the lower lip, chin and tongue, 0 on the upper lip,
     * fading towards the nape; the mouth cavity's floor follows, its roof stays.
     */
    private static double jaw(Point p) {
        return switch (p.part()) {
            case TONGUE -> 1;
            case MOUTH -> Skin.smoothstep((p.center().y() - p.position().y()) / 0.008);
            case SKIN -> {
                Vec3 n = p.direction();
                double below = Skin.smoothstep((HeadShape.MOUTH_Y + 0.03 - n.y()) / 0.09);
                double lip = p.lip() > 0 ? 0 : p.lip() < 0 ? Math.max(below, 0.8) : below;
                yield lip * Skin.smoothstep((n.z() + 0.2) / 0.5);
            }
            default -> 0;
        };
    }

    /** A Gaussian bump at face coordinates (cx, cy) with half-widths (sx, sy), on the front of the skin only. */
    private static double bump(Point p, double cx, double cy, double sx, double sy) {
        Vec3 n = p.direction();
        return HeadShape.gauss((n.x() - cx) / sx, (n.y() - cy) / sy) * HeadShape.front(n.z());
    }

    private static Vec3 v(double x, double y, double z, double weight) {
        return new Vec3(x * weight, y * weight, z * weight);
    }
}
