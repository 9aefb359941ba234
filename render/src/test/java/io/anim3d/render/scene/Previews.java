package io.anim3d.render.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Vec3;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/** PNG helpers for the tests' previews under {@code render/target/render-previews/}. */
final class Previews {
    private Previews() {
    }

    static Path dir() throws IOException {
        Path d = Path.of(System.getProperty("basedir", ".")).resolve("target/render-previews");
        Files.createDirectories(d);
        return d;
    }

    static void write(int[] argb, int width, int height, Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, argb, 0, width);
        ImageIO.write(img, "png", file.toFile());
    }

    /** Quick look: java ... Previews name yaw pitch visibleHeight targetY style(ground|studio|dark) width height. */
    public static void main(String[] args) throws IOException {
        String name = args.length > 0 ? args[0] : "male-normal";
        double yaw = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        double pitch = args.length > 2 ? Double.parseDouble(args[2]) : 8;
        double visible = args.length > 3 ? Double.parseDouble(args[3]) : 2.3;
        double targetY = args.length > 4 ? Double.parseDouble(args[4]) : Double.NaN;
        String look = args.length > 5 ? args[5] : "ground";
        int w = args.length > 6 ? Integer.parseInt(args[6]) : 960;
        int h = args.length > 7 ? Integer.parseInt(args[7]) : 720;
        Character c = StockCharacters.create(name);
        Pose pose = TestPoses.pose(c.skeleton(), TestPoses.armsRaised(), Vec3.ZERO);
        Vec3 hips = pose.position(0);
        Vec3 target = Double.isNaN(targetY) ? hips : new Vec3(hips.x(), targetY, hips.z());
        Camera cam = Camera.orbit(target, yaw, pitch, Camera.distanceToFit(visible, 40), 40);
        RenderStyle style = switch (look) {
            case "studio" -> new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, RenderStyle.Backdrop.STUDIO, true);
            case "dark" -> new RenderStyle(0x1E2127, RenderStyle.Backdrop.GROUND, true);
            case "green" -> new RenderStyle(0x00B140, RenderStyle.Backdrop.STUDIO, true);
            default -> RenderStyle.defaults();
        };
        int[] px = new int[w * h];
        try (CharacterRenderer r = new CharacterRenderer(c, w, h, style)) {
            r.render(pose, cam, px);
        }
        Path file = dir().resolve("quick-" + name + "-" + look + ".png");
        write(px, w, h, file);
        System.out.println(Map.of("wrote", file));
    }
}
