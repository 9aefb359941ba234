package io.anim3d.formats.fbx.read;

import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts taken straight from a file's raw {@code Geometry} arrays, independent of the reader:
 * the expected numbers of the tests.
 */
record RawGeometry(FbxNode node, int controlPoints, int polygons, int triangles, int[] polygonVertexIndex) {

    /** Every {@code Geometry} of subtype {@code Mesh} in the file, in file order. */
    static List<RawGeometry> meshes(FbxDocument doc) {
        List<RawGeometry> out = new ArrayList<>();
        for (FbxNode n : doc.node("Objects").orElseThrow().children("Geometry")) {
            if (!((FbxProperty.Str) n.property(2)).text().equals("Mesh")) {
                continue;
            }
            int controlPoints = array(n, "Vertices").length() / 3;
            int[] pvi = array(n, "PolygonVertexIndex").ints();
            int polygons = 0;
            int triangles = 0;
            int corners = 0;
            for (int index : pvi) {
                corners++;
                if (index < 0) {
                    polygons++;
                    triangles += Math.max(0, corners - 2);
                    corners = 0;
                }
            }
            out.add(new RawGeometry(n, controlPoints, polygons, triangles, pvi));
        }
        return out;
    }

    static FbxProperty.Array array(FbxNode owner, String child) {
        return (FbxProperty.Array) owner.child(child).orElseThrow(() -> new AssertionError("no " + child)).property(0);
    }

    static String text(FbxNode owner, String child) {
        return ((FbxProperty.Str) owner.child(child).orElseThrow().property(0)).text();
    }
}
