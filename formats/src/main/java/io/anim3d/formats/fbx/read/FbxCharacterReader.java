package io.anim3d.formats.fbx.read;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.Mesh;
import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a skinned character from binary FBX 7.x into the {@link Character} model.
 *
 * <p>The model's bind pose is the skeleton's rest pose with zero rest rotations, in metres, Y up,
 * facing +Z. Imported rigs have oriented bones, so they are baked: each bone's world bind matrix
 * (see {@link BindPoses}) is converted to metres and our axes ({@link AxisSystem}) and only its
 * position is kept; a joint's rest offset is the difference of world positions. Meshes are put
 * in the same world bind space ({@link MeshReader}), so skinning with inverse bind = translation
 * by minus the rest position reproduces the file's bind pose exactly.
 *
 * <p>Bones: every {@code LimbNode} Model, every Model a skin Cluster uses, and the {@code Null} /
 * {@code Root} Models above them, named as in the file. A file without bones is rejected; a
 * file with bones and no mesh gives a character without meshes. Stateless and thread-safe.
 */
public final class FbxCharacterReader {
    private FbxCharacterReader() {
    }

    /**
     * Bounds on what one file may make the reader build; far above real characters (a detailed
     * game character has 50–300 bones and 10–100 k vertices).
     *
     * @param maxBones          joints in the skeleton (default 1024)
     * @param maxVertices       output vertices of all meshes, and control points of any one
     *                          geometry (default 2 M)
     * @param maxPolygonCorners {@code PolygonVertexIndex} entries of all meshes (default 8 M)
     * @param maxInfluences     skin Cluster index entries of all meshes (default 16 M)
     * @param maxMorphValues    morph targets × control points × 3 of all meshes (default 64 M,
     *                          256 MB of floats)
     */
    public record Limits(int maxBones, int maxVertices, long maxPolygonCorners, long maxInfluences,
                         long maxMorphValues) {
        public Limits {
            if (maxBones < 1 || maxVertices < 1 || maxPolygonCorners < 1 || maxInfluences < 0 || maxMorphValues < 0) {
                throw new IllegalArgumentException("FBX character limits must be positive: " + maxBones + ", "
                        + maxVertices + ", " + maxPolygonCorners + ", " + maxInfluences + ", " + maxMorphValues);
            }
        }

        public static Limits defaults() {
            return new Limits(1024, 2_000_000, 8_000_000L, 16_000_000L, 64_000_000L);
        }
    }

    /** Reads {@code file}; the character is named after the file ({@link #characterName(Path)}). */
    public static Character read(Path file) throws IOException {
        FbxDocument doc = FbxReader.standard().read(file);
        return read(doc, characterName(file));
    }

    /** Reads a document with {@link Limits#defaults()}; {@code name} must fit the Character name rule. */
    public static Character read(FbxDocument doc, String name) throws FbxSceneException {
        return read(doc, name, Limits.defaults());
    }

    public static Character read(FbxDocument doc, String name, Limits limits) throws FbxSceneException {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(limits, "limits");
        FbxObjects scene = new FbxObjects(doc);
        AxisSystem axes = AxisSystem.of(scene.globalSettings());
        BindPoses binds = new BindPoses(scene);
        SkeletonReader.Bones bones = SkeletonReader.read(scene, binds, axes, limits.maxBones());
        MaterialTable materials = new MaterialTable();
        Set<String> meshNames = new HashSet<>();
        ReadBudget budget = new ReadBudget(limits);
        MeshReader.Context ctx = new MeshReader.Context(scene, axes, binds, bones, materials, budget, meshNames);
        List<Mesh> meshes = new ArrayList<>();
        for (FbxObjects.Obj o : scene.all()) {
            if (!o.type().equals("Model")) {
                continue;
            }
            for (FbxObjects.Obj g : scene.childrenOf(o.uid(), "Geometry")) {
                if (g.subtype().equals("Mesh")) {
                    meshes.addAll(MeshReader.read(ctx, o, g));
                }
            }
        }
        Map<String, String> metadata = new TreeMap<>();
        metadata.put("source.format", "fbx");
        metadata.put("source.fbxVersion", Integer.toString(doc.version()));
        metadata.put("source.metresPerUnit", Double.toString(axes.metresPerUnit()));
        metadata.put("source.unweightedControlPoints", Long.toString(budget.unweightedControlPoints));
        return new Character(name, bones.skeleton(), meshes, materials.list(), metadata);
    }

    /**
     * The file name without its extension, made to fit the Character name rule: characters
     * other than letters, digits, '.', '_' and '-' become '_', at most 64 characters, and
     * {@code character} when nothing but dots is left (so the name never means a folder).
     */
    public static String characterName(Path file) {
        Path fileName = file.getFileName();
        String base = fileName == null ? "" : fileName.toString();
        int dot = base.lastIndexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        String clean = base.replaceAll("[^A-Za-z0-9_.-]", "_");
        if (clean.length() > 64) {
            clean = clean.substring(0, 64);
        }
        return clean.isEmpty() || clean.matches("\\.+") ? "character" : clean;
    }
}
