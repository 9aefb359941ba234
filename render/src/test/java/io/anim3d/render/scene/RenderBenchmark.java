package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Frames per second of {@link CharacterRenderer} for a walking stock character (300 frames at
 * 30 fps, default style) at 1280×720 and 1920×1080, with one and two threads, for a fixed camera
 * framing the walk (the backdrop is cached) and for a camera following the hips (the backdrop is
 * repainted every frame). Prints the numbers; asserts nothing about time (machines differ).
 *
 * <p>Run: {@code mvn -o -pl render test -Dtest=RenderBenchmark -Danim3d.benchmark=true}, or its
 * {@link #main} from the test classpath.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "anim3d.benchmark", matches = "true")
class RenderBenchmark {
    static final int FRAMES = 300;
    private static final int WARMUP_FRAMES = 60;

    @Test
    void printsFramesPerSecond() {
        main(new String[0]);
    }

    public static void main(String[] args) {
        System.out.printf(Locale.ROOT, "cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Character c = StockCharacters.create("male-normal");
        for (int[] size : new int[][] {{1280, 720}, {1920, 1080}}) {
            for (boolean follow : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 2}) {
                    run(c, size[0], size[1], threads, follow);
                }
            }
        }
    }

    private static void run(Character c, int width, int height, int threads, boolean follow) {
        Pose[] poses = new Pose[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            poses[f] = TestPoses.walking(c.skeleton(), f / 30.0);
        }
        Vec3 hips = poses[0].position(0);
        Camera fixed = Camera.orbit(new Vec3(0, hips.y(), 0), 15, 6, Camera.distanceToFit(2.6, 40) * 1.2, 40);
        Camera[] cameras = new Camera[FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            Vec3 h = poses[f].position(0);
            cameras[f] = follow ? Camera.orbit(new Vec3(h.x(), hips.y(), h.z()), 15, 6, Camera.distanceToFit(2.3, 40), 40) : fixed;
        }
        int[] argb = new int[width * height];
        try (CharacterRenderer r = new CharacterRenderer(c, width, height, RenderStyle.defaults(), threads)) {
            for (int f = 0; f < WARMUP_FRAMES; f++) {
                r.render(poses[f], cameras[f], argb);
            }
            long t0 = System.nanoTime();
            long checksum = 0;
            for (int f = 0; f < FRAMES; f++) {
                r.render(poses[f], cameras[f], argb);
                checksum += argb[(height / 2) * width + width / 2];
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "%dx%d, %s camera, %d thread%s: %d frames in %.2f s = %.1f fps (%.1f ms/frame) [%x]%n",
                    width, height, follow ? "following" : "fixed", threads, threads == 1 ? "" : "s", FRAMES, seconds, FRAMES / seconds,
                    1000 * seconds / FRAMES, checksum);
        }
    }
}
