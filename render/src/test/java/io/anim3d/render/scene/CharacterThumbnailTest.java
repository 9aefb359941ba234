package io.anim3d.render.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.formats.character.Character;
import io.anim3d.formats.character.StockCharacters;
import io.anim3d.formats.fbx.read.FbxCharacterReader;
import io.anim3d.motion.Humanoid;
import io.anim3d.testkit.SharedTestData;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The thumbnails of every stock character and of an imported FBX: a square PNG of the asked size
 * whose pixels are the renderer's, the character fitted inside the margin, centred, head up,
 * standing on the floor, and the same bytes every time. Written to
 * {@code render/target/render-previews/thumb-<name>.png} for people to look at.
 */
class CharacterThumbnailTest {
    private static final int SIZE = CharacterThumbnail.DEFAULT_SIZE;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    static List<String> names() {
        return StockCharacters.NAMES;
    }

    @ParameterizedTest
    @MethodSource("names")
    void stockCharacterThumbnailIsFramedAndDeterministic(String name) throws IOException {
        Character c = StockCharacters.create(name, false);
        byte[] png = CharacterThumbnail.png(c, SIZE);
        Files.write(Previews.dir().resolve("thumb-" + name + ".png"), png);
        assertArrayEquals(png, CharacterThumbnail.png(c, SIZE), name + ": a second call gives other bytes");

        CharacterThumbnail.Shot shot = CharacterThumbnail.shot(c);
        int[] pixels = decode(png, name);
        assertArrayEquals(Frames.render(c, shot.pose(), shot.camera(), RenderStyle.defaults(), SIZE, SIZE), pixels,
                name + ": the PNG does not hold the rendered pixels unchanged");
        Box box = framed(c, shot, name);

        // Head up, feet down: the head top is near the top of the picture, the feet near the bottom.
        double[] head = Frames.project(shot.camera(), SIZE, SIZE, shot.pose().position(c.skeleton().require(Humanoid.HEAD_TOP)));
        assertTrue(Math.abs(head[1] - box.minY) < 0.06 * SIZE, name + ": head top at y " + head[1]
                + ", the picture's top at " + box.minY);
        double[] foot = Frames.project(shot.camera(), SIZE, SIZE, shot.pose().position(c.skeleton().require(Humanoid.foot(0))));
        assertTrue(box.maxY - foot[1] > 0 && box.maxY - foot[1] < 0.1 * SIZE, name + ": left ankle at y " + foot[1]
                + ", the picture's bottom at " + box.maxY);
    }

    @Test
    void importedFbxIsLiftedOntoTheFloorAndFramedLikeTheStockOnes() throws IOException {
        Character kenney = FbxCharacterReader.read(SharedTestData.testdata("characters/fbx/maya_kenney_character_7700_binary.fbx"));
        byte[] png = CharacterThumbnail.png(kenney);
        Files.write(Previews.dir().resolve("thumb-kenney.png"), png);
        assertArrayEquals(png, CharacterThumbnail.png(kenney), "kenney: a second call gives other bytes");
        CharacterThumbnail.Shot shot = CharacterThumbnail.shot(kenney);
        // The bind pose moves every vertex with the root: the lowest one ends up at lowest + lift.
        double lift = shot.pose().position(0).y() - kenney.skeleton().offset(0).y();
        double lowest = CharacterThumbnail.bounds(kenney)[1];
        System.out.println("kenney: lowest vertex at y " + lowest + " m, lifted by " + lift + " m");
        assertEquals(CharacterRenderer.FLOOR_Y, lowest + lift, 1e-9, "kenney's lowest vertex must touch the floor");
        assertArrayEquals(Frames.render(kenney, shot.pose(), shot.camera(), RenderStyle.defaults(), SIZE, SIZE),
                decode(png, "kenney"), "kenney: the PNG does not hold the rendered pixels unchanged");
        framed(kenney, shot, "kenney");
    }

    @Test
    void otherSizesAndRefusals() throws IOException {
        Character child = StockCharacters.create("child", false);
        int[] small = decode(CharacterThumbnail.png(child, 64), "child at 64");
        assertEquals(64 * 64, small.length, "a 64 px thumbnail");
        Character bare = new Character("bare", child.skeleton(), List.of(), List.of(), Map.of());
        IllegalArgumentException noMesh = assertThrows(IllegalArgumentException.class, () -> CharacterThumbnail.png(bare));
        assertTrue(noMesh.getMessage().contains("no mesh"), noMesh.getMessage());
        for (int size : new int[] {0, 15, CharacterThumbnail.MAX_SIZE + 1}) {
            assertThrows(IllegalArgumentException.class, () -> CharacterThumbnail.png(child, size), "size " + size);
        }
    }

    /** The PNG's pixels, checked to be SIZE × SIZE. */
    private static int[] decode(byte[] png, String what) throws IOException {
        assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', what + ": not a PNG");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(img != null, what + ": ImageIO cannot read the PNG");
        int w = img.getWidth();
        assertEquals(w, img.getHeight(), what + ": not square");
        return img.getRGB(0, 0, w, w, null, 0, w);
    }

    /** Pixel box of the character (shadowless render against the bare backdrop), inclusive. */
    private record Box(int minX, int minY, int maxX, int maxY, double cover) {
    }

    /**
     * The character's picture lies inside the margin, its larger side spans about
     * {@link CharacterThumbnail#FILL} of the frame, it is centred both ways and covers a sensible share.
     */
    private static Box framed(Character c, CharacterThumbnail.Shot shot, String name) {
        RenderStyle noShadow = new RenderStyle(RenderStyle.DEFAULT_BACKGROUND_RGB, RenderStyle.Backdrop.GROUND, false);
        boolean[] mask = Frames.mask(Frames.render(c, shot.pose(), shot.camera(), noShadow, SIZE, SIZE),
                Frames.backdrop(shot.camera(), noShadow, SIZE, SIZE));
        int minX = SIZE, minY = SIZE, maxX = -1, maxY = -1;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i]) {
                minX = Math.min(minX, i % SIZE);
                maxX = Math.max(maxX, i % SIZE);
                minY = Math.min(minY, i / SIZE);
                maxY = Math.max(maxY, i / SIZE);
            }
        }
        Box box = new Box(minX, minY, maxX, maxY, Frames.coverage(mask));
        String where = String.format(Locale.ROOT, "%s: picture x %d..%d, y %d..%d of %d, covers %.3f", name, minX, maxX,
                minY, maxY, SIZE, box.cover);
        System.out.println(where);
        int margin = (int) (0.05 * SIZE);
        assertTrue(minX >= margin && minY >= margin && maxX < SIZE - margin && maxY < SIZE - margin,
                where + ": must keep a 5 % margin on every side");
        double span = Math.max(maxX - minX + 1, maxY - minY + 1) / (double) SIZE;
        assertEquals(CharacterThumbnail.FILL, span, 0.03, where + ": the larger side must span the fitted share");
        assertEquals(SIZE / 2.0, (minX + maxX + 1) / 2.0, 0.02 * SIZE, where + ": not centred left to right");
        assertEquals(SIZE / 2.0, (minY + maxY + 1) / 2.0, 0.02 * SIZE, where + ": not centred top to bottom");
        assertTrue(box.cover > 0.08 && box.cover < 0.5, where + ": the character covers too little or too much");
        return box;
    }
}
