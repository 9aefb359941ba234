package io.anim3d.formats.fbx.read;

import io.anim3d.formats.fbx.FbxNode;
import io.anim3d.formats.fbx.FbxProperty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object's {@code Properties70} ({@code P} nodes: name, type, label, flags, values...) with the
 * {@code Definitions} template of its object type as fallback, because exporters write only the
 * values that differ from the template.
 */
final class Properties70 {
    static final Properties70 EMPTY = new Properties70(Map.of(), null);

    private final Map<String, List<FbxProperty>> values;
    private final Properties70 template;

    private Properties70(Map<String, List<FbxProperty>> values, Properties70 template) {
        this.values = values;
        this.template = template;
    }

    /** The {@code Properties70} child of {@code owner} (none: empty), over {@code template} (may be null). */
    static Properties70 of(FbxNode owner, Properties70 template) {
        Map<String, List<FbxProperty>> map = new HashMap<>();
        Optional<FbxNode> p70 = owner.child("Properties70");
        if (p70.isPresent()) {
            for (FbxNode p : p70.get().children("P")) {
                List<FbxProperty> ps = p.properties();
                if (ps.size() >= 4 && ps.get(0) instanceof FbxProperty.Str name) {
                    map.putIfAbsent(name.text(), ps.subList(4, ps.size()));
                }
            }
        }
        return new Properties70(map, template);
    }

    private List<FbxProperty> find(String name) {
        List<FbxProperty> v = values.get(name);
        if (v == null && template != null) {
            return template.find(name);
        }
        return v;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    /** A numeric scalar (int, bool-as-int, float or double); {@code fallback} when absent or not a number. */
    double number(String name, double fallback) {
        List<FbxProperty> v = find(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        Double d = asDouble(v.get(0));
        return d == null ? fallback : d;
    }

    int integer(String name, int fallback) {
        return (int) number(name, fallback);
    }

    /** A 3-component value (Vector3D, Color, Lcl Translation...); {@code fallback} when absent or malformed. */
    double[] vector3(String name, double[] fallback) {
        List<FbxProperty> v = find(name);
        if (v == null || v.size() < 3) {
            return fallback.clone();
        }
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            Double d = asDouble(v.get(i));
            if (d == null || !Double.isFinite(d)) {
                return fallback.clone();
            }
            out[i] = d;
        }
        return out;
    }

    static Double asDouble(FbxProperty p) {
        if (p instanceof FbxProperty.Float64 d) {
            return d.value();
        } else if (p instanceof FbxProperty.Float32 f) {
            return (double) f.value();
        } else if (p instanceof FbxProperty.Int32 i) {
            return (double) i.value();
        } else if (p instanceof FbxProperty.Int64 l) {
            return (double) l.value();
        } else if (p instanceof FbxProperty.Int16 s) {
            return (double) s.value();
        } else if (p instanceof FbxProperty.Bool b) {
            return b.value() ? 1.0 : 0.0;
        }
        return null;
    }
}
