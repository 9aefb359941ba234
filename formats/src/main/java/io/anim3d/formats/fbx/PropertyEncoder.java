package io.anim3d.formats.fbx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Encodes property lists to their bytes in the file: a type code, then the value. Strings and
 * raw bytes are {@code uint32 length + bytes} (no terminator); arrays are {@code uint32 count,
 * uint32 encoding (0 raw, 1 zlib), uint32 payload bytes, payload}, in every FBX version.
 */
final class PropertyEncoder {
    private final FbxWriter.Options options;

    PropertyEncoder(FbxWriter.Options options) {
        this.options = options;
    }

    byte[] encodeAll(List<FbxProperty> properties) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        LittleEndianOut out = new LittleEndianOut(buffer);
        try {
            for (FbxProperty p : properties) {
                encode(p, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toByteArray();
    }

    private void encode(FbxProperty p, LittleEndianOut out) throws IOException {
        out.u8(p.typeCode());
        if (p instanceof FbxProperty.Int16 v) {
            out.u8(v.value() & 0xFF);
            out.u8((v.value() >> 8) & 0xFF);
        } else if (p instanceof FbxProperty.Bool v) {
            out.u8(v.raw() & 0xFF);
        } else if (p instanceof FbxProperty.Int32 v) {
            out.u32(v.value());
        } else if (p instanceof FbxProperty.Int64 v) {
            out.u64(v.value());
        } else if (p instanceof FbxProperty.Float32 v) {
            out.u32(Float.floatToRawIntBits(v.value()));
        } else if (p instanceof FbxProperty.Float64 v) {
            out.u64(Double.doubleToRawLongBits(v.value()));
        } else if (p instanceof FbxProperty.Bytes v) {
            // Str and Raw share the layout: uint32 length + bytes.
            byte[] b = v.bytesView();
            out.u32(b.length);
            out.bytes(b);
        } else if (p instanceof FbxProperty.Array a) {
            encodeArray(a, out);
        } else {
            throw new IllegalStateException("unhandled FBX property type " + p.getClass());
        }
    }

    private void encodeArray(FbxProperty.Array a, LittleEndianOut out) throws IOException {
        byte[] raw = a.payloadView();
        byte[] stored = raw;
        int encoding = FbxLayout.ENCODING_RAW;
        if (raw.length > options.compressAboveBytes()) {
            byte[] compressed = deflate(raw);
            if (!options.compressOnlyIfSmaller() || compressed.length < raw.length) {
                stored = compressed;
                encoding = FbxLayout.ENCODING_ZLIB;
            }
        }
        out.u32(a.length());
        out.u32(encoding);
        out.u32(stored.length);
        out.bytes(stored);
    }

    /** A zlib stream (RFC 1950, with header and Adler-32), as FBX readers expect. */
    private byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(options.deflateLevel());
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            byte[] chunk = new byte[Math.min(1 << 16, raw.length + 64)];
            while (!deflater.finished()) {
                int n = deflater.deflate(chunk);
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
