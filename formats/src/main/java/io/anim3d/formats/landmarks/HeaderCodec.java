package io.anim3d.formats.landmarks;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes and reads the uncompressed head of a file: preamble (magic, version, header length),
 * header body and the header's CRC32. Kept apart from the frame body so that a reader can refuse
 * a wrong or newer file before touching the compressed part.
 */
final class HeaderCodec {
    private HeaderCodec() {
    }

    /** What the head of a file says besides the header itself. */
    record Head(DmpeHeader header, int majorVersion, int minorVersion, int bytes) {
    }

    static byte[] encode(DmpeHeader header) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream b = new DataOutputStream(body);
            b.writeInt(header.frameWidth());
            b.writeInt(header.frameHeight());
            b.writeDouble(header.frameRate());
            writeString(b, header.model());
            b.writeInt(header.metadata().size());
            for (Map.Entry<String, String> e : header.metadata().entrySet()) { // sorted: deterministic
                writeString(b, e.getKey());
                writeString(b, e.getValue());
            }
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            DataOutputStream a = new DataOutputStream(all);
            a.write(DmpeLayout.MAGIC);
            a.writeShort(DmpeLayout.MAJOR_VERSION);
            a.writeShort(DmpeLayout.MINOR_VERSION);
            a.writeInt(body.size());
            body.writeTo(a);
            CRC32 crc = new CRC32();
            crc.update(all.toByteArray());
            a.writeInt((int) crc.getValue());
            return all.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("in-memory stream failed", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    /** Reads exactly the head from {@code in}, never more, so the body starts at the stream position. */
    static Head read(InputStream in, String source) throws IOException {
        byte[] preamble = new byte[DmpeLayout.PREAMBLE_BYTES];
        int got = in.readNBytes(preamble, 0, preamble.length);
        int magicBytes = Math.min(got, DmpeLayout.MAGIC.length);
        if (got == 0) {
            throw new DmpeFormatException(source + ": not a dmpe file (it is empty)");
        }
        if (!Arrays.equals(preamble, 0, magicBytes, DmpeLayout.MAGIC, 0, magicBytes)) {
            throw new DmpeFormatException(source + ": not a dmpe file (magic "
                    + HexFormat.ofDelimiter(" ").formatHex(preamble, 0, magicBytes) + ", expected "
                    + HexFormat.ofDelimiter(" ").formatHex(DmpeLayout.MAGIC) + ")");
        }
        if (got < preamble.length) {
            throw new DmpeFormatException(source + ": truncated inside the header (file has only " + got + " bytes)");
        }
        ByteBuffer p = ByteBuffer.wrap(preamble, DmpeLayout.MAGIC.length, 8);
        int major = Short.toUnsignedInt(p.getShort());
        int minor = Short.toUnsignedInt(p.getShort());
        int length = p.getInt();
        if (major != DmpeLayout.MAJOR_VERSION) {
            throw new DmpeFormatException(source + ": written by format version " + major + " (" + major + "." + minor
                    + "), this reader reads version " + DmpeLayout.MAJOR_VERSION + " (up to " + DmpeLayout.version()
                    + " and later minor versions)" + (major > DmpeLayout.MAJOR_VERSION ? "; update anim3d to read it" : ""));
        }
        if (length < 0 || length > DmpeLayout.MAX_HEADER_BYTES) {
            throw new DmpeFormatException(source + ": corrupt header (length " + Integer.toUnsignedString(length)
                    + " bytes, at most " + DmpeLayout.MAX_HEADER_BYTES + " allowed)");
        }
        byte[] rest = new byte[length + 4];
        int restGot = in.readNBytes(rest, 0, rest.length);
        if (restGot < rest.length) {
            throw new DmpeFormatException(source + ": truncated inside the header (" + (preamble.length + restGot)
                    + " of " + (preamble.length + rest.length) + " header bytes present)");
        }
        CRC32 crc = new CRC32();
        crc.update(preamble);
        crc.update(rest, 0, length);
        int stored = ByteBuffer.wrap(rest, length, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new DmpeFormatException(source + ": header checksum mismatch (stored CRC32 "
                    + String.format("%08x", stored) + ", computed " + String.format("%08x", (int) crc.getValue())
                    + "); the file is damaged");
        }
        return new Head(decodeBody(ByteBuffer.wrap(rest, 0, length), source), major, minor,
                preamble.length + rest.length);
    }

    private static DmpeHeader decodeBody(ByteBuffer b, String source) throws DmpeFormatException {
        try {
            int width = b.getInt();
            int height = b.getInt();
            double rate = b.getDouble();
            String model = readString(b, source);
            int count = b.getInt();
            if (count < 0 || count > b.remaining() / 4) {
                throw new DmpeFormatException(source + ": corrupt header (metadata count " + Integer.toUnsignedString(count) + ")");
            }
            Map<String, String> metadata = new TreeMap<>(DmpeHeader.KEY_ORDER);
            for (int i = 0; i < count; i++) {
                String key = readString(b, source);
                if (metadata.put(key, readString(b, source)) != null) {
                    throw new DmpeFormatException(source + ": corrupt header (metadata key '" + key + "' appears twice)");
                }
            }
            // Bytes left after the known fields belong to a later minor version: ignored.
            return new DmpeHeader(width, height, rate, model, metadata);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new DmpeFormatException(source + ": corrupt header (fields run past its length)", e);
        } catch (IllegalArgumentException e) {
            throw new DmpeFormatException(source + ": corrupt header (" + e.getMessage() + ")", e);
        }
    }

    private static String readString(ByteBuffer b, String source) throws DmpeFormatException {
        int length = Short.toUnsignedInt(b.getShort());
        ByteBuffer slice = b.slice(b.position(), length); // throws IndexOutOfBounds if too long
        b.position(b.position() + length);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice).toString();
        } catch (CharacterCodingException e) {
            throw new DmpeFormatException(source + ": corrupt header (a string is not valid UTF-8)", e);
        }
    }
}
