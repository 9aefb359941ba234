package io.anim3d.formats.character;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * The face-carrying meshes: "Head" (skull grid, neck and a tongue hidden in the mouth until
 * tongueOut) and "Eyes" (two dark ellipsoids in the sockets). The grid is denser over the face
 * than at the back so the face blendshapes have vertices to move. Every vertex is recorded with
 * its place on the face for {@link FaceMorphs}.
 */
final class HeadMesh {
    /** Columns around the head and rows from chin to crown. */
    private static final int COLUMNS = 36;
    private static final int ROWS = 28;
    /** How much denser the face is than the back of the head (0 = uniform, below 1). */
    private static final double FACE_DENSITY = 0.55;
    /** Half width of the lips' parting line, as |nx| on the face. */
    private static final double MOUTH_HALF_WIDTH = 0.20;
    /** Grid row parameter (0 bottom, 1 top) where rows are densest: about the nose. */
    private static final double DENSE_ROW = 0.44;

    /** A built mesh with one face point per vertex, in vertex order. */
    record Part(MeshBuilder builder, List<FaceMorphs.Point> points) {
    }

    private HeadMesh() {
    }

    static Part head(StockRig rig, HeadShape shape) {
        MeshBuilder mb = new MeshBuilder();
        List<FaceMorphs.Point> points = new ArrayList<>();
        Skin head = Skin.of(rig.joint(Humanoid.HEAD));
        skull(shape, mb, points, head);
        neck(rig, mb, points);
        Vec3 mouth = HeadShape.frontDirection(0, HeadShape.MOUTH_Y - 0.03);
        Vec3 tongue = shape.surface(mouth).minus(mouth.times(0.036 * shape.scale));
        int first = mb.vertexCount();
        ellipsoid(mb, tongue, new Vec3(0.018, 0.006, 0.026).times(shape.scale), 8, 6, head, false);
        for (int v = first; v < mb.vertexCount(); v++) {
            points.add(new FaceMorphs.Point(FaceMorphs.Part.TONGUE, Vec3.ZERO, mb.position(v), Vec3.ZERO, 0, 0));
        }
        return new Part(mb, points);
    }

    static Part eyes(StockRig rig, HeadShape shape) {
        MeshBuilder mb = new MeshBuilder();
        List<FaceMorphs.Point> points = new ArrayList<>();
        Skin head = Skin.of(rig.joint(Humanoid.HEAD));
        for (int side = 0; side < 2; side++) {
            Vec3 n = HeadShape.frontDirection((side == 0 ? 1 : -1) * HeadShape.EYE_X, HeadShape.EYE_Y);
            Vec3 c = shape.surface(n).plus(n.times(0.0005 * shape.scale));
            int first = mb.vertexCount();
            ellipsoid(mb, c, new Vec3(0.0125, 0.0085, 0.0055).times(shape.scale), 10, 7, head, false);
            for (int v = first; v < mb.vertexCount(); v++) {
                points.add(new FaceMorphs.Point(FaceMorphs.Part.EYE, n, mb.position(v), c, side, 0));
            }
        }
        return new Part(mb, points);
    }

    /**
     * The inside of the mouth: a dark bag facing inwards, so from outside it is culled away and
     * through the parted lips one sees its far wall (and the tongue in front of it).
     */
    static Part mouth(StockRig rig, HeadShape shape) {
        MeshBuilder mb = new MeshBuilder();
        List<FaceMorphs.Point> points = new ArrayList<>();
        Vec3 n = HeadShape.frontDirection(0, HeadShape.MOUTH_Y);
        Vec3 c = shape.surface(n).minus(n.times(0.026 * shape.scale));
        ellipsoid(mb, c, new Vec3(0.026, 0.014, 0.020).times(shape.scale), 12, 8, Skin.of(rig.joint(Humanoid.HEAD)), true);
        for (int v = 0; v < mb.vertexCount(); v++) {
            points.add(new FaceMorphs.Point(FaceMorphs.Part.MOUTH, n, mb.position(v), c, 0, 0));
        }
        return new Part(mb, points);
    }

    private static void skull(HeadShape shape, MeshBuilder mb, List<FaceMorphs.Point> points, Skin skin) {
        double[] lat = new double[ROWS + 1];
        double[] vCoord = new double[ROWS + 1];
        int mouthRow = 1;
        for (int i = 0; i <= ROWS; i++) {
            double t = (double) i / ROWS;
            double g = t - FACE_DENSITY * (Math.sin(2 * Math.PI * (t - DENSE_ROW)) + Math.sin(2 * Math.PI * DENSE_ROW))
                    / (2 * Math.PI);
            lat[i] = -Math.PI / 2 + Math.PI * g;
            vCoord[i] = 1 - g;
            if (Math.abs(Math.sin(lat[i]) - HeadShape.MOUTH_Y) < Math.abs(Math.sin(lat[mouthRow]) - HeadShape.MOUTH_Y)) {
                mouthRow = i;
            }
        }
        lat[mouthRow] = Math.asin(HeadShape.MOUTH_Y); // the lips part exactly along one row
        int bottom = addSkin(shape, mb, points, new Vec3(0, -1, 0), 0.5, 1, skin, 0);
        // Row i's vertex indices as seen by the quads below it and by those above it: they differ
        // only along the mouth, where the lips are two coincident copies that jawOpen pulls apart.
        int[][] below = new int[ROWS][COLUMNS + 1];
        int[][] above = new int[ROWS][COLUMNS + 1];
        for (int i = 1; i < ROWS; i++) {
            for (int k = 0; k <= COLUMNS; k++) {
                double s = 2.0 * (k % COLUMNS) / COLUMNS - 1; // -1 at the back, 0 at the face, 1 back again
                double lon = Math.PI * (s - FACE_DENSITY * Math.sin(Math.PI * s) / Math.PI);
                Vec3 n = new Vec3(Math.sin(lon) * Math.cos(lat[i]), Math.sin(lat[i]), Math.cos(lon) * Math.cos(lat[i]));
                boolean parted = i == mouthRow && n.z() > 0 && Math.abs(n.x()) < MOUTH_HALF_WIDTH;
                double u = (double) k / COLUMNS;
                above[i][k] = addSkin(shape, mb, points, n, u, vCoord[i], skin, parted ? 1 : 0);
                below[i][k] = parted ? addSkin(shape, mb, points, n, u, vCoord[i], skin, -1) : above[i][k];
            }
        }
        int top = addSkin(shape, mb, points, new Vec3(0, 1, 0), 0.5, 0, skin, 0);
        for (int k = 0; k < COLUMNS; k++) {
            mb.triangle(bottom, below[1][k + 1], below[1][k]);
            for (int r = 1; r + 1 < ROWS; r++) {
                int a = above[r][k], b = above[r][k + 1], c = below[r + 1][k + 1], d = below[r + 1][k];
                mb.triangle(a, b, c);
                mb.triangle(a, c, d);
            }
            mb.triangle(above[ROWS - 1][k], above[ROWS - 1][k + 1], top);
        }
    }

    private static int addSkin(HeadShape shape, MeshBuilder mb, List<FaceMorphs.Point> points, Vec3 n, double u,
                               double v, Skin skin, int lip) {
        Vec3 p = shape.surface(n);
        points.add(new FaceMorphs.Point(FaceMorphs.Part.SKIN, n, p, Vec3.ZERO, 0, lip));
        return mb.vertex(p, u, v, skin);
    }

    /** From inside the collar to inside the skull, bending over Neck and Head. */
    private static void neck(StockRig rig, MeshBuilder mb, List<FaceMorphs.Point> points) {
        double b = rig.body;
        double g = Math.sqrt(rig.type.limbGirth());
        Vec3 neck = rig.at(Humanoid.NECK);
        Vec3 head = rig.at(Humanoid.HEAD);
        double spine2 = rig.at(Humanoid.SPINE2).y();
        int[] chain = {rig.joint(Humanoid.SPINE2), rig.joint(Humanoid.NECK), rig.joint(Humanoid.HEAD)};
        double[] at = {spine2, neck.y(), head.y()};
        double[] bands = {0, 0.03 * b, 0.04 * b};
        double[][] rings = {{neck.y() - 0.035 * b, 0.058}, {neck.y() + 0.01 * b, 0.054}, {(neck.y() + head.y()) / 2, 0.050},
            {head.y(), 0.050}, {head.y() + 0.035 * rig.head, 0.045}};
        List<Tube.Ring> list = new ArrayList<>();
        for (double[] r : rings) {
            double f = (r[0] - neck.y()) / (head.y() - neck.y());
            Vec3 c = new Vec3(0, r[0], neck.z() + (head.z() - neck.z()) * Math.max(0, Math.min(1, f)) - 0.005 * b);
            list.add(Tube.Ring.ellipse(c, r[1] * b * g, r[1] * 1.08 * b * g, Skin.chain(chain, at, bands, r[0])));
        }
        int first = mb.vertexCount();
        Tube.add(mb, list, Vec3.Y, Vec3.Z, 16, 0.01 * b, 0.01 * b);
        for (int v = first; v < mb.vertexCount(); v++) {
            points.add(new FaceMorphs.Point(FaceMorphs.Part.NECK, Vec3.ZERO, mb.position(v), Vec3.ZERO, 0, 0));
        }
    }

    /** A closed UV-sphere scaled to half extents {@code radii}, poles along Y, facing out or (inward) in. */
    static void ellipsoid(MeshBuilder mb, Vec3 c, Vec3 radii, int columns, int rows, Skin skin, boolean inward) {
        MeshBuilder.Winding w = inward ? (a, b, e) -> mb.triangle(a, e, b) : mb::triangle;
        int bottom = mb.vertex(c.plus(new Vec3(0, -radii.y(), 0)), 0.5, 1, skin);
        int[] rowStart = new int[rows - 1];
        for (int i = 1; i < rows; i++) {
            double lat = -Math.PI / 2 + Math.PI * i / rows;
            rowStart[i - 1] = mb.vertexCount();
            for (int k = 0; k <= columns; k++) {
                double lon = 2 * Math.PI * (k % columns) / columns;
                Vec3 p = c.plus(new Vec3(radii.x() * Math.sin(lon) * Math.cos(lat), radii.y() * Math.sin(lat),
                        radii.z() * Math.cos(lon) * Math.cos(lat)));
                mb.vertex(p, (double) k / columns, 1 - (double) i / rows, skin);
            }
        }
        int top = mb.vertex(c.plus(new Vec3(0, radii.y(), 0)), 0.5, 0, skin);
        for (int k = 0; k < columns; k++) {
            w.triangle(bottom, rowStart[0] + k + 1, rowStart[0] + k);
            for (int r = 0; r + 1 < rowStart.length; r++) {
                int a = rowStart[r] + k, b = a + 1, e = rowStart[r + 1] + k + 1, d = rowStart[r + 1] + k;
                w.triangle(a, b, e);
                w.triangle(a, e, d);
            }
            int l = rowStart[rowStart.length - 1];
            w.triangle(l + k, l + k + 1, top);
        }
    }
}
