package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders a skinned character in a pose, seen through a camera, into ARGB frames: linear blend
 * skinning (4 influences, with normals), a 2×2 supersampled z-buffer, per-pixel lighting (key,
 * fill, ambient, rim; see {@link Shading}), base colours and textures, a soft ground shadow
 * ({@link GroundShadow}) and the style's backdrop.
 *
 * <p>The floor is the plane y = {@value #FLOOR_Y}: the motion solver puts the floor there (a jump
 * leaves the feet above it), and the stock characters stand on it in their rest pose. Geometry
 * below the floor is hidden by it when the camera is above it; a camera below the floor sees the
 * background colour instead of the floor.
 *
 * <p>Deterministic: the same character, pose, camera, size and style give byte-identical pixels,
 * whatever the number of threads (each band of rows is drawn from the same shared inputs into its
 * own rows; all arithmetic is Java's strict IEEE arithmetic). Morph targets (face blendshapes) are
 * not applied, material alpha is ignored (opaque), back faces are culled.
 *
 * <p>Not thread-safe; one per thread. Buffers are allocated once and reused; the backdrop is
 * cached while the camera stays the same. With more than one thread it owns worker threads:
 * {@link #close()} stops them.
 */
public final class CharacterRenderer implements AutoCloseable {
    /** Height of the floor, metres. */
    public static final double FLOOR_Y = 0;
    private static final int MAX_SIZE = 8192;

    private final int width;
    private final int height;
    private final RenderStyle style;
    private final SkinnedModel model;
    private final Shading shading;
    private final TriangleSetup setup;
    private final GroundShadow shadow;
    private final BackdropPainter backdrop;
    private final int[] backdropCache;
    private final BandRenderer[] bands;
    private final ExecutorService workers;
    private final Frame frame = new Frame();
    private Camera cachedCamera;

    /** A single-threaded renderer: everything happens in the calling thread. */
    public CharacterRenderer(Character character, int width, int height, RenderStyle style) {
        this(character, width, height, style, 1);
    }

    /**
     * @param threads threads drawing each frame, 1 to 64: the caller's plus {@code threads − 1}
     *                daemon workers, each drawing every {@code threads}-th band of rows
     * @throws IllegalArgumentException for a size outside 1 to {@value #MAX_SIZE} pixels, or a
     *                                  material texture that is not a readable image
     */
    public CharacterRenderer(Character character, int width, int height, RenderStyle style, int threads) {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(style, "style");
        if (width < 1 || height < 1 || width > MAX_SIZE || height > MAX_SIZE) {
            throw new IllegalArgumentException("frame size must be 1 to " + MAX_SIZE + " pixels each way, got "
                    + width + "x" + height);
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1 to 64, got " + threads);
        }
        this.width = width;
        this.height = height;
        this.style = style;
        model = new SkinnedModel(character);
        shading = new Shading(character.materials());
        setup = new TriangleSetup(model, shading.textured());
        shadow = new GroundShadow(FLOOR_Y);
        backdrop = new BackdropPainter(style, FLOOR_Y);
        backdropCache = new int[width * height];
        bands = new BandRenderer[threads];
        for (int i = 0; i < threads; i++) {
            bands[i] = new BandRenderer(width);
        }
        workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "character-renderer");
            t.setDaemon(true);
            return t;
        });
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public RenderStyle style() {
        return style;
    }

    /**
     * Renders the character in this pose (world joint transforms, e.g. {@code motion.worldTransforms(frame)}
     * of a motion retargeted onto the character's skeleton) seen by the camera, into {@code argb}.
     *
     * @param argb width × height pixels, {@code 0xFFRRGGBB}, row-major from the top; every pixel is written
     * @throws IllegalArgumentException when the pose is for another skeleton or argb has the wrong size
     */
    public void render(Pose pose, Camera camera, int[] argb) {
        Objects.requireNonNull(pose, "pose");
        Objects.requireNonNull(camera, "camera");
        if (argb.length != width * height) {
            throw new IllegalArgumentException("argb holds " + argb.length + " pixels; a " + width + "x" + height
                    + " frame needs " + width * height);
        }
        model.skin(pose);
        boolean newCamera = !camera.equals(cachedCamera);
        View view = newCamera ? new View(camera, width, height) : frame.view;
        frame.refreshBackdrop = newCamera;
        frame.view = view;
        frame.setup = setup;
        frame.shading = shading;
        frame.backdrop = backdrop;
        frame.backdropCache = backdropCache;
        frame.out = argb;

        setup.build(view);
        setup.bin(BandRenderer.ROWS);
        frame.charMinX = setup.minX;
        frame.charMinY = setup.minY;
        frame.charMaxX = setup.maxX;
        frame.charMaxY = setup.maxY;

        frame.shadow = null;
        frame.shadowMinX = 0;
        frame.shadowMaxX = -1;
        if (style.shadow() && backdrop.floorVisible(view)) {
            shadow.build(model, view.key);
            if (!shadow.isEmpty()) {
                frame.shadow = shadow;
                shadowBox(view);
            }
        }
        // Forget the cached backdrop until every band has repainted it.
        cachedCamera = null;
        drawBands();
        cachedCamera = camera;
    }

    /**
     * The pixels where the shadow's floor patch can appear: its corners' projection, or the whole
     * frame when one is behind the eye.
     */
    private void shadowBox(View view) {
        double xa = shadow.x0, xb = shadow.x0 + shadow.cols * shadow.texel;
        double za = shadow.z0, zb = shadow.z0 + shadow.rows * shadow.texel;
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        boolean behind = false;
        for (int k = 0; k < 4; k++) {
            Vec3 d = new Vec3(k % 2 == 0 ? xa : xb, FLOOR_Y, k < 2 ? za : zb).minus(view.eye);
            double depth = d.dot(view.forward);
            if (depth < View.NEAR) {
                behind = true;
                break;
            }
            double x = view.pixelX(d.dot(view.right), depth);
            double y = view.pixelY(d.dot(view.up), depth);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        if (behind) {
            frame.shadowMinX = 0;
            frame.shadowMinY = 0;
            frame.shadowMaxX = width - 1;
            frame.shadowMaxY = height - 1;
            return;
        }
        frame.shadowMinX = (int) Math.max(0, Math.floor(minX) - 1);
        frame.shadowMinY = (int) Math.max(0, Math.floor(minY) - 1);
        frame.shadowMaxX = (int) Math.min(width - 1, Math.ceil(maxX) + 1);
        frame.shadowMaxY = (int) Math.min(height - 1, Math.ceil(maxY) + 1);
    }

    private void drawBands() {
        int bandCount = (height + BandRenderer.ROWS - 1) / BandRenderer.ROWS;
        if (workers == null) {
            drawShare(0, 1, bandCount);
            return;
        }
        List<Future<?>> pending = new ArrayList<>();
        for (int w = 1; w < bands.length; w++) {
            int worker = w;
            pending.add(workers.submit(() -> drawShare(worker, bands.length, bandCount)));
        }
        drawShare(0, bands.length, bandCount);
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while drawing a frame", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException("a render thread failed", cause);
            }
        }
    }

    /** Bands worker, worker + stride, …: a fixed assignment, so the split never depends on timing. */
    private void drawShare(int worker, int stride, int bandCount) {
        BandRenderer band = bands[worker];
        for (int b = worker; b < bandCount; b += stride) {
            band.draw(frame, b);
        }
    }

    /** Stops the worker threads, if any; the renderer cannot render afterwards. */
    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }
}
