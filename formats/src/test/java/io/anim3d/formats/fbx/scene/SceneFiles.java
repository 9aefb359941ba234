package io.anim3d.formats.fbx.scene;

import io.anim3d.formats.character.Character;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The three files the reader tests share: the box figure on the 65-joint humanoid with the sine
 * motion (root translating), on the 66-joint humanoid with a static Root and translating Hips,
 * and the 65-joint figure in its rest pose without animation.
 */
record SceneFiles(Character plainCharacter, Motion plainMotion, Path plain, Character rootCharacter, Motion rootMotion,
                  Path root, Path rest) {

    static SceneFiles write(Path dir) throws IOException {
        Character plainCharacter = SceneFixtures.character(Humanoid.standard());
        Motion plainMotion = SceneFixtures.motion(false, SceneFixtures.FRAMES);
        Character rootCharacter = SceneFixtures.character(Humanoid.standard(true));
        Motion rootMotion = SceneFixtures.motion(true, SceneFixtures.FRAMES);
        Path plain = dir.resolve("humanoid.fbx");
        Path root = dir.resolve("humanoid_root.fbx");
        Path rest = dir.resolve("rest.fbx");
        FbxSceneWriter.write(plainCharacter, plainMotion, plain);
        FbxSceneWriter.write(rootCharacter, rootMotion, root);
        FbxSceneWriter.write(plainCharacter, null, rest);
        return new SceneFiles(plainCharacter, plainMotion, plain, rootCharacter, rootMotion, root, rest);
    }
}
