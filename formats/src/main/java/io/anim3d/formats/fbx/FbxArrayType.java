package io.anim3d.formats.fbx;

/** Element types of FBX array properties, with their type code and element size in bytes. */
public enum FbxArrayType {
    FLOAT32('f', 4),
    FLOAT64('d', 8),
    INT32('i', 4),
    INT64('l', 8),
    /** One byte per element, 0 = false (non-zero = true). */
    BOOL('b', 1),
    /** One byte per element, no numeric meaning (FBX SDK writes these rarely). */
    BYTE('c', 1);

    private final char code;
    private final int elementBytes;

    FbxArrayType(char code, int elementBytes) {
        this.code = code;
        this.elementBytes = elementBytes;
    }

    /** The type code in the file. */
    public char code() {
        return code;
    }

    /** Bytes per element in the uncompressed payload. */
    public int elementBytes() {
        return elementBytes;
    }

    /** The array type with this type code, or null when {@code code} is not an array code. */
    static FbxArrayType forCode(int code) {
        for (FbxArrayType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
