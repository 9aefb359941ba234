package io.anim3d.formats.fbx.read;

import io.anim3d.formats.fbx.FbxDocument;
import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scene graph of an FBX document: objects by UID (in file order), object–object connections
 * both ways (in file order), property templates and {@code GlobalSettings}. Only {@code OO}
 * connections are kept; the character reader needs no {@code OP} links (those carry animation).
 */
final class FbxObjects {
    /** One object: its node ({@code Model}, {@code Geometry}, ...), UID, name without class, subtype. */
    record Obj(long uid, FbxNode node, String name, String subtype, int fileOrder) {
        String type() {
            return node.name();
        }

        @Override
        public String toString() {
            return type() + " '" + name + "' (" + subtype + ", uid " + uid + ")";
        }
    }

    private final Map<Long, Obj> objects = new LinkedHashMap<>();
    private final Map<Long, List<Long>> parents = new HashMap<>();
    private final Map<Long, List<Long>> children = new HashMap<>();
    private final Map<String, Properties70> templates = new HashMap<>();
    private final Properties70 globalSettings;

    FbxObjects(FbxDocument doc) throws FbxSceneException {
        FbxNode objs = doc.node("Objects").orElseThrow(() -> new FbxSceneException(
                "the file has no Objects section, so it holds no scene; export the character again"));
        int order = 0;
        for (FbxNode n : objs.children()) {
            List<FbxProperty> ps = n.properties();
            if (ps.size() < 2 || !(ps.get(0) instanceof FbxProperty.Int64 uid)) {
                continue; // not an object record (none are expected here)
            }
            String name = ps.get(1) instanceof FbxProperty.Str s ? stripClass(s.text()) : "";
            String subtype = ps.size() > 2 && ps.get(2) instanceof FbxProperty.Str s ? s.text() : "";
            objects.putIfAbsent(uid.value(), new Obj(uid.value(), n, name, subtype, order++));
        }
        doc.node("Connections").ifPresent(c -> {
            for (FbxNode link : c.children("C")) {
                List<FbxProperty> ps = link.properties();
                if (ps.size() >= 3 && ps.get(0) instanceof FbxProperty.Str kind && kind.text().equals("OO")
                        && ps.get(1) instanceof FbxProperty.Int64 child && ps.get(2) instanceof FbxProperty.Int64 parent) {
                    parents.computeIfAbsent(child.value(), k -> new ArrayList<>()).add(parent.value());
                    children.computeIfAbsent(parent.value(), k -> new ArrayList<>()).add(child.value());
                }
            }
        });
        doc.node("Definitions").ifPresent(defs -> {
            for (FbxNode type : defs.children("ObjectType")) {
                Optional<FbxNode> template = type.child("PropertyTemplate");
                if (!type.properties().isEmpty() && type.property(0) instanceof FbxProperty.Str t && template.isPresent()) {
                    templates.put(t.text(), Properties70.of(template.get(), null));
                }
            }
        });
        globalSettings = doc.node("GlobalSettings").map(g -> Properties70.of(g, null)).orElse(Properties70.EMPTY);
    }

    /** {@code "Hips\u0000\u0001Model"} → {@code "Hips"}; also the ASCII-style {@code "Model::Hips"}. */
    static String stripClass(String text) {
        int sep = text.indexOf("\u0000\u0001");
        if (sep >= 0) {
            return text.substring(0, sep);
        }
        int colons = text.indexOf("::");
        return colons >= 0 ? text.substring(colons + 2) : text;
    }

    /** Every object in file order. */
    Iterable<Obj> all() {
        return objects.values();
    }

    Obj get(long uid) {
        return objects.get(uid);
    }

    /** Objects connected below {@code uid} (sources of OO links to it) with this node type, in file order of the links. */
    List<Obj> childrenOf(long uid, String type) {
        List<Obj> out = new ArrayList<>();
        for (long c : children.getOrDefault(uid, List.of())) {
            Obj o = objects.get(c);
            if (o != null && o.type().equals(type)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Objects {@code uid} is connected to (destinations of its OO links) with this node type. */
    List<Obj> parentsOf(long uid, String type) {
        List<Obj> out = new ArrayList<>();
        for (long p : parents.getOrDefault(uid, List.of())) {
            Obj o = objects.get(p);
            if (o != null && o.type().equals(type)) {
                out.add(o);
            }
        }
        return out;
    }

    /** The parent Model in the scene hierarchy, or null under the scene root. */
    Obj parentModel(Obj model) {
        List<Obj> ps = parentsOf(model.uid(), "Model");
        return ps.isEmpty() ? null : ps.get(0);
    }

    /** The object's Properties70 over the template of its type. */
    Properties70 properties(Obj o) {
        return Properties70.of(o.node(), templates.get(o.type()));
    }

    Properties70 globalSettings() {
        return globalSettings;
    }
}
