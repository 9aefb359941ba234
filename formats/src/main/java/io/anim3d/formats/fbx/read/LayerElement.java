package io.anim3d.formats.fbx.read;

import io.anim3d.formats.fbx.FbxArrayType;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import java.util.Optional;

/**
 * One per-geometry attribute layer ({@code LayerElementNormal}, {@code LayerElementUV},
 * {@code LayerElementMaterial}): values of {@code width} numbers each, and how they map to the
 * mesh ({@code MappingInformationType}: by polygon-vertex, by control point, by polygon, all the
 * same) and whether they go through an index array ({@code ReferenceInformationType}
 * {@code IndexToDirect}) or not ({@code Direct}).
 */
final class LayerElement {
    enum Mapping { BY_POLYGON_VERTEX, BY_CONTROL_POINT, BY_POLYGON, ALL_SAME }

    private final String what;
    private final Mapping mapping;
    private final double[] values;
    private final int[] index;
    private final int width;

    private LayerElement(String what, Mapping mapping, double[] values, int[] index, int width) {
        this.what = what;
        this.mapping = mapping;
        this.values = values;
        this.index = index;
        this.width = width;
    }

    /**
     * The first {@code elementName} layer of {@code geometry} with a usable mapping, or empty.
     * Layers mapped by edge (rare, never used for normals or UVs by the common exporters) are
     * skipped, as if absent.
     *
     * @param valuesName e.g. {@code Normals}, {@code UV}, {@code Materials}
     * @param indexName  e.g. {@code NormalsIndex}, {@code UVIndex}; null when the layer has none
     */
    static Optional<LayerElement> first(FbxNode geometry, String meshName, String elementName, String valuesName,
            String indexName, int width) throws FbxSceneException {
        for (FbxNode e : geometry.children(elementName)) {
            Mapping mapping = mapping(text(e, "MappingInformationType"));
            if (mapping == null) {
                continue;
            }
            String what = "mesh " + meshName + " " + elementName;
            double[] values = numbers(e, valuesName, what);
            if (values == null || values.length % width != 0) {
                throw new FbxSceneException(what + " has " + (values == null ? "no" : values.length) + " " + valuesName
                        + " values, not a multiple of " + width);
            }
            String ref = text(e, "ReferenceInformationType");
            int[] index = null;
            if (indexName != null && (ref.equals("IndexToDirect") || ref.equals("Index"))) {
                double[] idx = numbers(e, indexName, what);
                if (idx == null) {
                    throw new FbxSceneException(what + " is IndexToDirect but has no " + indexName + " array");
                }
                index = new int[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    index[i] = (int) idx[i];
                }
            }
            return Optional.of(new LayerElement(what, mapping, values, index, width));
        }
        return Optional.empty();
    }

    private static Mapping mapping(String s) {
        return switch (s) {
            case "ByPolygonVertex" -> Mapping.BY_POLYGON_VERTEX;
            case "ByVertice", "ByVertex", "ByControlPoint" -> Mapping.BY_CONTROL_POINT;
            case "ByPolygon" -> Mapping.BY_POLYGON;
            case "AllSame" -> Mapping.ALL_SAME;
            default -> null;
        };
    }

    private static String text(FbxNode e, String child) {
        return e.child(child).filter(c -> !c.properties().isEmpty() && c.property(0) instanceof FbxProperty.Str)
                .map(c -> ((FbxProperty.Str) c.property(0)).text()).orElse("");
    }

    /** A numeric array child as doubles (int arrays too), or null. */
    static double[] numbers(FbxNode e, String child, String what) throws FbxSceneException {
        Optional<FbxNode> c = e.child(child);
        if (c.isEmpty() || c.get().properties().isEmpty() || !(c.get().property(0) instanceof FbxProperty.Array a)) {
            return null;
        }
        if (a.type() == FbxArrayType.FLOAT64) {
            return a.doubles();
        } else if (a.type() == FbxArrayType.FLOAT32) {
            float[] f = a.floats();
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        } else if (a.type() == FbxArrayType.INT32) {
            return java.util.Arrays.stream(a.ints()).asDoubleStream().toArray();
        }
        throw new FbxSceneException(what + " " + child + " is a " + a.type() + " array, not numbers");
    }

    Mapping mapping() {
        return mapping;
    }

    /**
     * The value index (into groups of {@code width}) for one polygon corner, or -1 when the
     * file's index is out of range (the caller falls back to a default).
     *
     * @param polygon      polygon number
     * @param corner       polygon-vertex number (position in PolygonVertexIndex)
     * @param controlPoint the corner's control point
     */
    int valueIndex(int polygon, int corner, int controlPoint) {
        int i = switch (mapping) {
            case BY_POLYGON_VERTEX -> corner;
            case BY_CONTROL_POINT -> controlPoint;
            case BY_POLYGON -> polygon;
            case ALL_SAME -> 0;
        };
        if (index != null) {
            i = i >= 0 && i < index.length ? index[i] : -1;
        }
        return i >= 0 && i < values.length / width ? i : -1;
    }

    double value(int valueIndex, int component) {
        return values[valueIndex * width + component];
    }

    String what() {
        return what;
    }
}
