package io.anim3d.formats.fbx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node record of an FBX file: a name, an ordered property list and ordered children.
 * Immutable; build one with {@link #builder(String)}. Equality is structural (name, properties
 * with their types and bits, children, recursively), which is what a round trip must preserve.
 *
 * <p>Names are at most 255 bytes (the record stores a one-byte length) and are kept as
 * ISO-8859-1, one char per byte, so any name read from a file is written back unchanged. Real
 * node names are ASCII identifiers ({@code Objects}, {@code Model}, {@code P}).
 */
public final class FbxNode {
    /** Longest name the one-byte length field can hold. */
    public static final int MAX_NAME_BYTES = 255;

    private final String name;
    private final List<FbxProperty> properties;
    private final List<FbxNode> children;

    private FbxNode(String name, List<FbxProperty> properties, List<FbxNode> children) {
        this.name = checkName(name);
        this.properties = List.copyOf(properties);
        this.children = List.copyOf(children);
    }

    /** A node with these properties and no children. */
    public static FbxNode of(String name, FbxProperty... properties) {
        return new FbxNode(name, List.of(properties), List.of());
    }

    /** A node from complete lists (copied). */
    public static FbxNode of(String name, List<FbxProperty> properties, List<FbxNode> children) {
        return new FbxNode(name, properties, children);
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** The properties in file order (unmodifiable). */
    public List<FbxProperty> properties() {
        return properties;
    }

    /** The property at {@code index}; throws IndexOutOfBoundsException naming this node. */
    public FbxProperty property(int index) {
        if (index < 0 || index >= properties.size()) {
            throw new IndexOutOfBoundsException(
                    "node " + name + " has " + properties.size() + " properties, no index " + index);
        }
        return properties.get(index);
    }

    /** The children in file order (unmodifiable). */
    public List<FbxNode> children() {
        return children;
    }

    /** The first child with this name, if any. */
    public Optional<FbxNode> child(String childName) {
        for (FbxNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Every child with this name, in file order. */
    public List<FbxNode> children(String childName) {
        List<FbxNode> out = new ArrayList<>();
        for (FbxNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The name as the bytes written to the file. */
    byte[] nameBytes() {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FbxNode n && n.name.equals(name) && n.properties.equals(properties)
                && n.children.equals(children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, properties, children);
    }

    @Override
    public String toString() {
        return "FbxNode[" + name + ", " + properties.size() + " properties, " + children.size() + " children]";
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            // An empty name would be indistinguishable from the NULL record that ends a list.
            throw new IllegalArgumentException("an FBX node needs a non-empty name");
        }
        if (name.length() > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("FBX node name is " + name.length() + " bytes, at most "
                    + MAX_NAME_BYTES + " fit the record: " + name.substring(0, 40) + "...");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("FBX node name " + name + " has character U+"
                        + Integer.toHexString(name.charAt(i)) + "; names are single bytes (ISO-8859-1)");
            }
        }
        return name;
    }

    /**
     * Collects a node's properties and children in order. Not thread-safe; {@link #build()} may
     * be called more than once and each node it returns is independent of later changes.
     */
    public static final class Builder {
        private final String name;
        private final List<FbxProperty> properties = new ArrayList<>();
        private final List<FbxNode> children = new ArrayList<>();

        private Builder(String name) {
            this.name = checkName(name);
        }

        public Builder add(FbxProperty property) {
            properties.add(Objects.requireNonNull(property, "property"));
            return this;
        }

        public Builder addInt16(short value) {
            return add(new FbxProperty.Int16(value));
        }

        public Builder addBool(boolean value) {
            return add(FbxProperty.Bool.of(value));
        }

        public Builder addInt32(int value) {
            return add(new FbxProperty.Int32(value));
        }

        public Builder addInt64(long value) {
            return add(new FbxProperty.Int64(value));
        }

        public Builder addFloat32(float value) {
            return add(new FbxProperty.Float32(value));
        }

        public Builder addFloat64(double value) {
            return add(new FbxProperty.Float64(value));
        }

        /** A UTF-8 string ({@code S}); may contain the {@code "\u0000\u0001"} name/class separator. */
        public Builder addString(String value) {
            return add(FbxProperty.Str.of(value));
        }

        public Builder addRaw(byte[] value) {
            return add(new FbxProperty.Raw(value));
        }

        public Builder addFloat32Array(float... values) {
            return add(FbxProperty.Array.floats(values));
        }

        public Builder addFloat64Array(double... values) {
            return add(FbxProperty.Array.doubles(values));
        }

        public Builder addInt32Array(int... values) {
            return add(FbxProperty.Array.ints(values));
        }

        public Builder addInt64Array(long... values) {
            return add(FbxProperty.Array.longs(values));
        }

        public Builder addBoolArray(boolean... values) {
            return add(FbxProperty.Array.booleans(values));
        }

        public Builder addChild(FbxNode child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        /** Builds {@code child} and adds it. */
        public Builder addChild(Builder child) {
            return addChild(child.build());
        }

        public FbxNode build() {
            return new FbxNode(name, properties, children);
        }
    }
}
