package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.fbx.FbxNode;

/**
 * Builds a {@code Properties70} node: one {@code P} child per property with its name, type,
 * label, flags ({@code ""}, {@code "A"} animatable, {@code "A+"}, ...) and values. The typed
 * helpers use the type/label pairs Blender writes; note that FBX stores {@code bool} as int32.
 */
final class Props70 {
    private final FbxNode.Builder node = FbxNode.builder("Properties70");

    private FbxNode.Builder p(String name, String type, String label, String flags) {
        return FbxNode.builder("P").addString(name).addString(type).addString(label).addString(flags);
    }

    Props70 integer(String name, int value) {
        node.addChild(p(name, "int", "Integer", "").addInt32(value));
        return this;
    }

    Props70 enumeration(String name, int value) {
        node.addChild(p(name, "enum", "", "").addInt32(value));
        return this;
    }

    Props70 bool(String name, boolean value) {
        node.addChild(p(name, "bool", "", "").addInt32(value ? 1 : 0));
        return this;
    }

    /** A non-animatable double ({@code double}, {@code Number}). */
    Props70 dbl(String name, double value) {
        node.addChild(p(name, "double", "Number", "").addFloat64(value));
        return this;
    }

    /** An animatable number ({@code Number}, flags {@code A}). */
    Props70 number(String name, double value) {
        node.addChild(p(name, "Number", "", "A").addFloat64(value));
        return this;
    }

    Props70 vector(String name, double x, double y, double z) {
        node.addChild(p(name, "Vector3D", "Vector", "").addFloat64(x).addFloat64(y).addFloat64(z));
        return this;
    }

    Props70 colorRgb(String name, double r, double g, double b) {
        node.addChild(p(name, "ColorRGB", "Color", "").addFloat64(r).addFloat64(g).addFloat64(b));
        return this;
    }

    /** An animatable colour ({@code Color}, flags {@code A}), as materials use. */
    Props70 color(String name, double r, double g, double b) {
        node.addChild(p(name, "Color", "", "A").addFloat64(r).addFloat64(g).addFloat64(b));
        return this;
    }

    Props70 string(String name, String value) {
        node.addChild(p(name, "KString", "", "").addString(value));
        return this;
    }

    Props70 url(String name, String value) {
        node.addChild(p(name, "KString", "Url", "").addString(value));
        return this;
    }

    Props70 ktime(String name, long value) {
        node.addChild(p(name, "KTime", "Time", "").addInt64(value));
        return this;
    }

    Props70 compound(String name) {
        node.addChild(p(name, "Compound", "", ""));
        return this;
    }

    Props70 object(String name) {
        node.addChild(p(name, "object", "", ""));
        return this;
    }

    /** One of {@code Lcl Translation}, {@code Lcl Rotation}, {@code Lcl Scaling} (type = name). */
    Props70 lcl(String name, String flags, double x, double y, double z) {
        node.addChild(p(name, name, "", flags).addFloat64(x).addFloat64(y).addFloat64(z));
        return this;
    }

    Props70 visibility(double value) {
        node.addChild(p("Visibility", "Visibility", "", "A").addFloat64(value));
        return this;
    }

    Props70 visibilityInheritance(boolean value) {
        node.addChild(p("Visibility Inheritance", "Visibility Inheritance", "", "").addInt32(value ? 1 : 0));
        return this;
    }

    FbxNode build() {
        return node.build();
    }
}
