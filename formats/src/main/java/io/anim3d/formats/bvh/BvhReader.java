package io.anim3d.formats.bvh;

import io.anim3d.motion.Vec3;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads BVH text: one ROOT hierarchy with any channel set and order on any joint, End Sites, then
 * MOTION with exactly {@code Frames:} frame lines (blank lines are skipped). Tokens are separated
 * by any whitespace; keywords are case-sensitive except channel names. Every problem throws a
 * {@link BvhFormatException} naming the line and what was expected. Not thread-safe; each call of
 * {@link #read(Reader)} uses its own instance.
 */
public final class BvhReader {
    /** Plain decimal numbers only: Java's own parser would also take "NaN", "Infinity", hex and "1d". */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final BufferedReader in;
    private int lineNumber;
    private String[] tokens = new String[0];
    private int next;
    private final List<BvhJoint> joints = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int channelCount;

    private BvhReader(Reader in) {
        this.in = in instanceof BufferedReader b ? b : new BufferedReader(in, 64 * 1024);
    }

    /** Reads a UTF-8 file (a leading byte-order mark is ignored). */
    public static BvhFile read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        }
    }

    /** Reads BVH text from {@code reader} (not closed). */
    public static BvhFile read(Reader reader) throws IOException {
        return new BvhReader(reader).parse();
    }

    private BvhFile parse() throws IOException {
        String first = nextToken("HIERARCHY");
        if (first.startsWith("\uFEFF")) {
            first = first.substring(1);
        }
        if (!first.equals("HIERARCHY")) {
            throw error("expected HIERARCHY, found '" + first + "'");
        }
        expect("ROOT");
        parseJoint(-1, restOfLine("a ROOT name"));
        String after = nextToken("MOTION");
        if (after.equals("ROOT")) {
            throw error("a second ROOT: only files with one skeleton are supported");
        }
        if (!after.equals("MOTION")) {
            throw error("expected MOTION after the ROOT's closing '}', found '" + after + "'");
        }
        expect("Frames:");
        int frames = parseFrameCount(nextToken("the frame count"));
        expect("Frame");
        expect("Time:");
        String ft = nextToken("the frame time in seconds");
        double frameTime = number(ft, "the frame time in seconds");
        if (!(frameTime > 0)) {
            throw error("the frame time must be positive seconds, found '" + ft + "'");
        }
        if (next < tokens.length) {
            throw error("unexpected '" + tokens[next] + "' after the frame time");
        }
        return new BvhFile(joints, frames, frameTime, parseFrames(frames));
    }

    private int parseFrameCount(String token) throws BvhFormatException {
        try {
            int n = Integer.parseInt(token);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error("expected a frame count (an integer >= 0) after 'Frames:', found '" + token + "'");
    }

    /** Parses a ROOT or JOINT block; the current position is after its name. */
    private void parseJoint(int parent, String name) throws IOException {
        if (!names.add(name)) {
            throw error("joint name '" + name + "' is used twice");
        }
        expect("{");
        Vec3 offset = parseOffset();
        String t = nextToken("CHANNELS");
        if (!t.equals("CHANNELS")) {
            throw error("expected CHANNELS of joint '" + name + "', found '" + t + "'");
        }
        List<BvhChannel> channels = parseChannels(name);
        int index = joints.size();
        joints.add(new BvhJoint(name, parent, offset, channels, channelCount, false));
        channelCount += channels.size();
        while (true) {
            t = nextToken("JOINT, End Site or '}'");
            switch (t) {
                case "JOINT" -> parseJoint(index, restOfLine("a JOINT name"));
                case "End" -> parseEndSite(index, name);
                case "}" -> {
                    return;
                }
                default -> throw error("expected JOINT, End Site or '}' in joint '" + name + "', found '" + t + "'");
            }
        }
    }

    private void parseEndSite(int parent, String parentName) throws IOException {
        if (next >= tokens.length || !tokens[next].equals("Site")) {
            throw error("expected 'End Site'");
        }
        next++;
        int end = tokens.length > next && tokens[tokens.length - 1].equals("{") ? tokens.length - 1 : tokens.length;
        String name = end > next ? restOfLine("an End Site name") : parentName + "_End";
        for (int k = 2; names.contains(name); k++) {
            name = parentName + "_End" + k;
        }
        names.add(name);
        expect("{");
        Vec3 offset = parseOffset();
        String t = nextToken("'}'");
        if (!t.equals("}")) {
            throw error("expected '}' closing the End Site of '" + parentName + "', found '" + t + "'");
        }
        joints.add(new BvhJoint(name, parent, offset, List.of(), channelCount, true));
    }

    private Vec3 parseOffset() throws IOException {
        String t = nextToken("OFFSET");
        if (!t.equals("OFFSET")) {
            throw error("expected OFFSET, found '" + t + "'");
        }
        double x = number(nextToken("3 OFFSET numbers"), "an OFFSET x");
        double y = number(nextToken("3 OFFSET numbers"), "an OFFSET y");
        double z = number(nextToken("3 OFFSET numbers"), "an OFFSET z");
        return new Vec3(x, y, z);
    }

    private List<BvhChannel> parseChannels(String joint) throws IOException {
        String countToken = nextToken("the channel count");
        int count;
        try {
            count = Integer.parseInt(countToken);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 0 || count > 6) {
            throw error("expected a channel count 0 to 6 after CHANNELS, found '" + countToken + "'");
        }
        List<BvhChannel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (next >= tokens.length) {
                throw error("CHANNELS " + count + " of joint '" + joint + "' lists only " + i + " channel names");
            }
            String n = tokens[next++];
            BvhChannel c = BvhChannel.parse(n);
            if (c == null) {
                throw error("unknown channel '" + n + "' of joint '" + joint
                        + "' (expected Xposition, Yposition, Zposition, Xrotation, Yrotation or Zrotation)");
            }
            if (channels.contains(c)) {
                throw error("channel " + c.fileName() + " of joint '" + joint + "' is listed twice");
            }
            channels.add(c);
        }
        if (next < tokens.length) {
            throw error("CHANNELS " + count + " of joint '" + joint + "' is followed by '" + tokens[next]
                    + "': more names than the count");
        }
        return channels;
    }

    private double[] parseFrames(int frames) throws IOException {
        double[] values = new double[Math.multiplyExact(frames, channelCount)];
        int frame = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            String[] t = split(line);
            if (t.length == 0) {
                continue;
            }
            if (frame == frames) {
                throw error("more frame lines than 'Frames: " + frames + "' declares");
            }
            if (t.length != channelCount) {
                throw error("frame " + frame + " has " + t.length + " values, expected " + channelCount
                        + " (one per channel)");
            }
            for (int c = 0; c < channelCount; c++) {
                values[frame * channelCount + c] = number(t[c], "value " + c + " of frame " + frame);
            }
            frame++;
        }
        if (frame < frames) {
            throw error("the file ends after " + frame + " of " + frames + " frames (truncated?)");
        }
        return values;
    }

    private double number(String token, String what) throws BvhFormatException {
        if (!NUMBER.matcher(token).matches()) {
            throw error("expected " + what + " (a decimal number), found '" + token + "'");
        }
        double v = Double.parseDouble(token);
        if (!Double.isFinite(v)) {
            throw error(what + " '" + token + "' is out of range");
        }
        return v;
    }

    private void expect(String keyword) throws IOException {
        String t = nextToken(keyword);
        if (!t.equals(keyword)) {
            throw error("expected '" + keyword + "', found '" + t + "'");
        }
    }

    /** The next whitespace-separated token, reading lines as needed. */
    private String nextToken(String expected) throws IOException {
        while (next >= tokens.length) {
            String line = in.readLine();
            if (line == null) {
                throw error("expected " + expected + ", found the end of the file");
            }
            lineNumber++;
            tokens = split(line);
            next = 0;
        }
        return tokens[next++];
    }

    /** The remaining tokens of the current line joined by single spaces, less a trailing '{' (left to read). */
    private String restOfLine(String expected) throws BvhFormatException {
        int end = tokens.length;
        if (end > next && tokens[end - 1].equals("{")) {
            end--;
        }
        if (end <= next) {
            throw error("expected " + expected + " on the same line");
        }
        String s = String.join(" ", java.util.Arrays.copyOfRange(tokens, next, end));
        next = end;
        return s;
    }

    private static String[] split(String line) {
        String s = line.strip();
        return s.isEmpty() ? new String[0] : s.split("\\s+");
    }

    private BvhFormatException error(String message) {
        return new BvhFormatException(Math.max(lineNumber, 1), message);
    }
}
