package io.anim3d.formats.fbx.read;

/**
 * What is left of {@link FbxCharacterReader.Limits} while one file is read; every allocation
 * sized by the file is charged here first, so a hostile file fails with a message, not an
 * OutOfMemoryError. One per read call (not shared between threads).
 */
final class ReadBudget {
    private final FbxCharacterReader.Limits limits;
    private long vertices;
    private long corners;
    final long[] influences;
    final long[] morphValues;
    /** Control points no cluster weighted, bound to the nearest bone instead (reported in metadata). */
    long unweightedControlPoints;

    ReadBudget(FbxCharacterReader.Limits limits) {
        this.limits = limits;
        this.vertices = limits.maxVertices();
        this.corners = limits.maxPolygonCorners();
        this.influences = new long[] {limits.maxInfluences()};
        this.morphValues = new long[] {limits.maxMorphValues()};
    }

    /** Checks a geometry's control point count (not charged: the output vertices are). */
    void controlPoints(String meshName, long count) throws FbxSceneException {
        if (count > limits.maxVertices()) {
            throw new FbxSceneException("mesh " + meshName + " has " + count + " control points, more than the "
                    + limits.maxVertices() + " vertices the reader allows; decimate the mesh");
        }
    }

    /** Charges the output vertices of a mesh. */
    void vertices(String meshName, long count) throws FbxSceneException {
        vertices -= count;
        if (vertices < 0) {
            throw new FbxSceneException("mesh " + meshName + " brings the character over " + limits.maxVertices()
                    + " vertices, the most the reader allows; decimate the mesh");
        }
    }

    void corners(String meshName, long count) throws FbxSceneException {
        corners -= count;
        if (corners < 0) {
            throw new FbxSceneException("mesh " + meshName + " brings the character over " + limits.maxPolygonCorners()
                    + " polygon corners, the most the reader allows; decimate the mesh");
        }
    }
}
