package io.anim3d.formats.character;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Pose;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every stock character (rest pose, a sample pose, face blendshapes) to PNGs under
 * {@code formats/target/character-previews/} for people to look at, and checks that the
 * character covers a plausible part of each picture (a blank or exploded render fails).
 */
class StockCharacterPreviewTest {
    private static final int PANEL_W = 560;
    private static final int PANEL_H = 640;
    private static final double[] YAWS = {0, Math.PI / 2, Math.PI * 0.8, Math.PI};

    static java.util.List<String> names() {
        return StockCharacters.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void rendersRestPosedAndFacePreviews(String name) throws IOException {
        Character c = StockCharacters.create(name);
        Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/character-previews");
        Files.createDirectories(dir);
        double h = 2.1;
        Pose rest = LinearBlendSkinning.pose(c.skeleton(), Map.of());
        Pose posed = LinearBlendSkinning.pose(c.skeleton(), samplePose());
        BufferedImage restImg = strip(c, rest, Map.of(), h, 0.95, 1.0);
        BufferedImage posedImg = strip(c, posed, Map.of(), h, 0.95, 1.0);
        Vec3 head = c.skeleton().restPositions()[c.skeleton().require(Humanoid.HEAD)];
        double headY = head.y() + 0.06 * c.skeleton().offset(c.skeleton().require(Humanoid.HEAD_TOP)).y() / 0.18;
        BufferedImage faceImg = faceSheet(c, rest, headY);
        ImageIO.write(restImg, "png", dir.resolve(name + "-rest.png").toFile());
        ImageIO.write(posedImg, "png", dir.resolve(name + "-posed.png").toFile());
        ImageIO.write(faceImg, "png", dir.resolve(name + "-face.png").toFile());
        ImageIO.write(detailSheet(c, posed), "png", dir.resolve(name + "-detail.png").toFile());
        double covered = coverage(restImg);
        assertTrue(covered > 0.04 && covered < 0.5, name + ": the rest render covers " + covered + " of the image");
    }

    /** Arms lowered 60°, left elbow bent, left hip and knee flexed, head turned and fingers curled. */
    static Map<String, Quat> samplePose() {
        Map<String, Quat> r = new java.util.HashMap<>();
        r.put("LeftArm", Quat.axisAngle(Vec3.Z, Math.toRadians(-60)));
        r.put("RightArm", Quat.axisAngle(Vec3.Z, Math.toRadians(60)));
        r.put("LeftForeArm", Quat.axisAngle(Vec3.Y, Math.toRadians(-70)));
        r.put("LeftUpLeg", Quat.axisAngle(Vec3.X, Math.toRadians(-60)));
        r.put("LeftLeg", Quat.axisAngle(Vec3.X, Math.toRadians(80)));
        r.put("Neck", Quat.axisAngle(Vec3.Y, Math.toRadians(25)));
        r.put("Spine1", Quat.axisAngle(Vec3.X, Math.toRadians(10)));
        for (String f : Humanoid.FINGERS) {
            for (int s = 1; s <= 3; s++) {
                double angle = Math.toRadians(f.equals("Thumb") ? 20 : 45);
                r.put(Humanoid.finger(1, f, s), Quat.axisAngle(f.equals("Thumb") ? Vec3.Y : Vec3.Z, angle));
            }
        }
        return r;
    }

    private static BufferedImage strip(Character c, Pose pose, Map<String, Double> morphs, double metresHigh,
                                       double centerY, double zoom) {
        SoftwareRasteriser r = scene(c, pose, morphs);
        BufferedImage out = new BufferedImage(PANEL_W * YAWS.length, PANEL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < YAWS.length; i++) {
            g.drawImage(r.render(YAWS[i], 0, centerY, metresHigh / zoom, PANEL_W, PANEL_H), i * PANEL_W, 0, null);
        }
        g.dispose();
        return out;
    }

    /** Neutral; jawOpen + smiles; left blink + browInnerUp + cheekPuff; pucker + tongueOut; each front and side. */
    private static BufferedImage faceSheet(Character c, Pose rest, double headY) {
        java.util.List<Map<String, Double>> sets = java.util.List.of(
                Map.of(),
                Map.of("jawOpen", 0.7, "mouthSmileLeft", 1.0, "mouthSmileRight", 1.0),
                Map.of("eyeBlinkLeft", 1.0, "browInnerUp", 1.0, "cheekPuff", 1.0, "eyeLookUpRight", 1.0),
                Map.of("mouthPucker", 1.0, "tongueOut", 1.0, "jawOpen", 0.3, "browDownLeft", 1.0, "browDownRight", 1.0));
        int size = 260;
        double scale = c.skeleton().offset(c.skeleton().require(Humanoid.HEAD_TOP)).y() / 0.18;
        BufferedImage out = new BufferedImage(size * sets.size(), size * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < sets.size(); i++) {
            SoftwareRasteriser r = scene(c, rest, sets.get(i));
            g.drawImage(r.render(0, 0, headY, 0.32 * scale, size, size), i * size, 0, null);
            g.drawImage(r.render(Math.PI / 2, -0.02, headY, 0.32 * scale, size, size), i * size, size, null);
        }
        g.dispose();
        return out;
    }

    /** The posed upper body from the front and the back, and the relaxed right hand from below and above. */
    private static BufferedImage detailSheet(Character c, Pose posed) {
        SoftwareRasteriser r = scene(c, posed, Map.of());
        double chest = posed.position(c.skeleton().require(Humanoid.SPINE2)).y();
        Vec3 hand = posed.position(c.skeleton().require(Humanoid.hand(1)));
        Vec3 hips = posed.position(c.skeleton().require(Humanoid.HIPS));
        int size = 400;
        BufferedImage out = new BufferedImage(size * 4, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(r.render(0, 0, chest, 0.8, size, size), 0, 0, null);
        g.drawImage(r.render(Math.PI, 0, chest, 0.8, size, size), size, 0, null);
        g.drawImage(r.render(-Math.PI / 2, hand.z(), hand.y(), 0.25, size, size), 2 * size, 0, null);
        g.drawImage(r.render(Math.PI * 0.75, 0, hips.y() - 0.1, 0.8, size, size), 3 * size, 0, null);
        g.dispose();
        return out;
    }

    static SoftwareRasteriser scene(Character c, Pose pose, Map<String, Double> morphs) {
        SoftwareRasteriser r = new SoftwareRasteriser();
        for (Mesh m : c.meshes()) {
            float[] p = LinearBlendSkinning.deform(m, c.skeleton(), pose, morphs, false);
            float[] n = LinearBlendSkinning.deform(m, c.skeleton(), pose, morphs, true);
            r.add(p, n, m.triangles(), c.materials().get(m.material()).baseColor());
        }
        return r;
    }

    private static double coverage(BufferedImage img) {
        int background = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16, gr = (rgb >> 8) & 255, b = rgb & 255;
                if (r == gr && b == r + 8) {
                    background++;
                }
            }
        }
        return 1 - (double) background / (img.getWidth() * img.getHeight());
    }
}
