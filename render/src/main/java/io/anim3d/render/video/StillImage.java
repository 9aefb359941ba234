package io.anim3d.render.video;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * The rendered pose of a still input as an image ({@code formats=png} / {@code jpg}): the same
 * picture as a side-by-side video's single frame (original left, character right, or the
 * character alone), written with the JDK's own encoders. The same pixels give the same bytes (the
 * JDK writers add no time or version).
 */
public final class StillImage {
    /** JPEG quality 0–1: 0.92 leaves no visible blocking on the character's flat shading. */
    public static final float JPEG_QUALITY = 0.92f;

    /** The image formats of a still job. */
    public enum Format {
        PNG("png"),
        JPG("jpg");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** File extension without the dot. */
        public String extension() {
            return extension;
        }
    }

    private StillImage() {
    }

    /**
     * Writes the picture of motion frame {@code frame} to {@code target} (replacing it; nothing is
     * left there when writing fails).
     *
     * @param original the still itself; required when {@code layout} is side by side, unused otherwise
     */
    public static void write(Path target, Format format, SideBySideLayout layout, OriginalFrame original,
                             CharacterFrames character, int frame) throws IOException {
        if (target == null || format == null) {
            throw new IllegalArgumentException("target and format are required");
        }
        FrameComposer composer = new FrameComposer(layout, character);
        byte[] rgb = composer.newCanvas();
        composer.compose(frame, original, rgb);
        BufferedImage image = toImage(rgb, layout.width(), layout.height());
        Path file = target.toAbsolutePath();
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        boolean done = false;
        try {
            Files.deleteIfExists(partial);
            writeImage(image, format, partial);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(partial);
            }
        }
    }

    private static BufferedImage toImage(byte[] rgb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0, i = y * width * 3; x < width; x++, i += 3) {
                row[x] = (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** Writes through a file stream (ImageIO would otherwise buffer an OutputStream in a temporary file). */
    private static void writeImage(BufferedImage image, Format format, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format == Format.PNG ? "png" : "jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this JDK has no " + format + " writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream stream = new FileImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format == Format.JPG) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
