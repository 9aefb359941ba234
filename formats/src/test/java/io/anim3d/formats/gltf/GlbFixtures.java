package io.anim3d.formats.gltf;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The three files most tests check, written into a test's temporary folder: the stick figure on
 * {@code Humanoid.standard()} walking with animated morphs; the same on {@code standard(true)}
 * (static Root, translated Hips) without morph animation; and the first character in its rest pose.
 */
record GlbFixtures(Character plainCharacter, Motion plainMotion, Path plain,
                   Character rootCharacter, Motion rootMotion, Path root, Path restPose) {
    static final GlbOptions MORPH_OPTIONS = GlbOptions.defaults().withMorphWeights(TestMotions.morphWeights());

    static GlbFixtures write(Path dir) throws IOException {
        Character plainCharacter = TestCharacters.stickFigure(Humanoid.standard());
        Motion plainMotion = TestMotions.walk(false);
        Character rootCharacter = TestCharacters.stickFigure(Humanoid.standard(true));
        Motion rootMotion = TestMotions.walk(true);
        GlbFixtures f = new GlbFixtures(plainCharacter, plainMotion, dir.resolve("walk.glb"), rootCharacter, rootMotion,
                dir.resolve("walk_root.glb"), dir.resolve("rest.glb"));
        GlbWriter.write(plainCharacter, plainMotion, f.plain(), MORPH_OPTIONS);
        GlbWriter.write(rootCharacter, rootMotion, f.root());
        GlbWriter.write(plainCharacter, null, f.restPose());
        return f;
    }
}
