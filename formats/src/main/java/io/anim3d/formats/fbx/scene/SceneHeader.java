package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;
import java.util.List;

/**
 * The top-level nodes before {@code Definitions}: FBXHeaderExtension, FileId, CreationTime,
 * Creator, GlobalSettings (centimetres, Y up, frame rate), Documents and References.
 *
 * <p>FileId and CreationTime are the fixed values Blender writes: the footer's check value
 * depends on the creation time, and fixed values make the output deterministic.
 */
final class SceneHeader {
    /** Blender's fixed FileId. */
    private static final byte[] FILE_ID = {
        0x28, (byte) 0xb3, 0x2a, (byte) 0xeb, (byte) 0xb6, 0x24, (byte) 0xcc, (byte) 0xc2,
        (byte) 0xbf, (byte) 0xc8, (byte) 0xb0, 0x2a, (byte) 0xa9, 0x2b, (byte) 0xfc, (byte) 0xf1};
    private static final String CREATION_TIME = "1970-01-01 10:00:00:000";
    private static final String EPOCH_GMT = "01/01/1970 00:00:00.000";

    private SceneHeader() {
    }

    /**
     * @param frameRate frames per second of the animation (the scene's rate without one)
     * @param spanStopKtime end of the time span (KTime); 0 for a still scene
     */
    static List<FbxNode> nodes(String creator, double frameRate, long spanStopKtime, long documentId,
                               String activeStack) {
        return List.of(headerExtension(creator),
                FbxNode.builder("FileId").addRaw(FILE_ID).build(),
                FbxNode.builder("CreationTime").addString(CREATION_TIME).build(),
                FbxNode.builder("Creator").addString(creator).build(),
                globalSettings(frameRate, spanStopKtime),
                documents(documentId, activeStack),
                FbxNode.builder("References").build());
    }

    private static FbxNode headerExtension(String creator) {
        FbxNode timeStamp = FbxNode.builder("CreationTimeStamp")
                .addChild(intNode("Version", 1000)).addChild(intNode("Year", 1970)).addChild(intNode("Month", 1))
                .addChild(intNode("Day", 1)).addChild(intNode("Hour", 10)).addChild(intNode("Minute", 0))
                .addChild(intNode("Second", 0)).addChild(intNode("Millisecond", 0)).build();
        FbxNode.Builder meta = FbxNode.builder("MetaData").addChild(intNode("Version", 100));
        for (String k : List.of("Title", "Subject", "Author", "Keywords", "Revision", "Comment")) {
            meta.addChild(FbxNode.builder(k).addString(""));
        }
        FbxNode sceneInfo = FbxNode.builder("SceneInfo").addString(ScenePlan.objectName("GlobalInfo", "SceneInfo"))
                .addString("UserData")
                .addChild(FbxNode.builder("Type").addString("UserData"))
                .addChild(intNode("Version", 100))
                .addChild(meta)
                .addChild(new Props70()
                        .url("DocumentUrl", "/foobar.fbx").url("SrcDocumentUrl", "/foobar.fbx")
                        .compound("Original")
                        .string("Original|ApplicationVendor", "anim3d")
                        .string("Original|ApplicationName", creator)
                        .string("Original|DateTime_GMT", EPOCH_GMT)
                        .compound("LastSaved")
                        .string("LastSaved|ApplicationVendor", "anim3d")
                        .string("LastSaved|ApplicationName", creator)
                        .string("LastSaved|DateTime_GMT", EPOCH_GMT)
                        .build())
                .build();
        return FbxNode.builder("FBXHeaderExtension")
                .addChild(intNode("FBXHeaderVersion", 1003))
                .addChild(intNode("FBXVersion", 7400))
                .addChild(intNode("EncryptionType", 0))
                .addChild(timeStamp)
                .addChild(FbxNode.builder("Creator").addString(creator))
                .addChild(sceneInfo)
                .build();
    }

    /**
     * Y up (axis 1, +), front +Z (axis 2, +), X right (axis 0, +): our own axes, so nothing is
     * converted. UnitScaleFactor 1 = centimetres, and every length in the file is in centimetres.
     */
    private static FbxNode globalSettings(double frameRate, long spanStopKtime) {
        Props70 p = new Props70()
                .integer("UpAxis", 1).integer("UpAxisSign", 1)
                .integer("FrontAxis", 2).integer("FrontAxisSign", 1)
                .integer("CoordAxis", 0).integer("CoordAxisSign", 1)
                .integer("OriginalUpAxis", 1).integer("OriginalUpAxisSign", 1)
                .dbl("UnitScaleFactor", 1.0).dbl("OriginalUnitScaleFactor", 1.0)
                .colorRgb("AmbientColor", 0, 0, 0)
                .string("DefaultCamera", "Producer Perspective")
                .enumeration("TimeMode", FbxTime.timeMode(frameRate))
                .ktime("TimeSpanStart", 0).ktime("TimeSpanStop", spanStopKtime)
                .dbl("CustomFrameRate", frameRate);
        return FbxNode.builder("GlobalSettings").addChild(intNode("Version", 1000)).addChild(p.build()).build();
    }

    private static FbxNode documents(long documentId, String activeStack) {
        FbxNode doc = FbxNode.builder("Document").addInt64(documentId).addString("Scene").addString("Scene")
                .addChild(new Props70().object("SourceObject").string("ActiveAnimStackName", activeStack).build())
                .addChild(FbxNode.builder("RootNode").addInt64(ScenePlan.ROOT))
                .build();
        return FbxNode.builder("Documents").addChild(intNode("Count", 1)).addChild(doc).build();
    }

    static FbxNode intNode(String name, int value) {
        return FbxNode.builder(name).addInt32(value).build();
    }
}
