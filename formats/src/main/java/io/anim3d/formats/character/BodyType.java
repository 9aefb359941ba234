package io.anim3d.formats.character;

import java.util.List;

/**
 * The proportions of one stock character, as factors on a standard adult male (about 1.78 m):
 * the generators multiply their base radii and the skeleton's offsets by these.
 *
 * @param name          the stock name, e.g. {@code male-fat}
 * @param heightMetres  soles to the top of the head
 * @param headRatio     head size relative to the body's scale (1 adult; larger for a child)
 * @param shoulderWidth factor on the clavicles' length and the shoulders' width
 * @param hipWidth      factor on the distance between the hip joints and the pelvis' width
 * @param limbGirth     factor on arm, leg and neck radii
 * @param waistGirth    factor on the waist's width and depth
 * @param chestGirth    factor on the chest's width and depth
 * @param bellyMetres   forward bulge of the belly at the waist (before scaling)
 * @param bustMetres    forward bulge of the chest below the shoulders (before scaling)
 * @param suitColor     linear RGBA of the body suit
 * @param skinColor     linear RGBA of the skin
 */
record BodyType(String name, double heightMetres, double headRatio, double shoulderWidth, double hipWidth,
                double limbGirth, double waistGirth, double chestGirth, double bellyMetres, double bustMetres,
                float[] suitColor, float[] skinColor) {

    private static final float[] SKIN_LIGHT = {0.80f, 0.58f, 0.46f, 1};
    private static final float[] SKIN_MID = {0.62f, 0.40f, 0.28f, 1};
    private static final float[] SKIN_DARK = {0.36f, 0.22f, 0.15f, 1};

    /** The stock characters, in the order of {@link StockCharacters#NAMES}. */
    static final List<BodyType> ALL = List.of(
            new BodyType("male-young", 1.76, 1.0, 1.04, 0.98, 0.95, 0.92, 1.02, 0, 0,
                    new float[] {0.05f, 0.16f, 0.20f, 1}, SKIN_LIGHT),
            new BodyType("male-normal", 1.78, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0, 0,
                    new float[] {0.10f, 0.12f, 0.22f, 1}, SKIN_MID),
            new BodyType("male-fat", 1.76, 1.0, 1.06, 1.12, 1.4, 1.42, 1.22, 0.045, 0,
                    new float[] {0.20f, 0.09f, 0.06f, 1}, SKIN_LIGHT),
            new BodyType("female-normal", 1.66, 1.0, 0.88, 1.06, 0.88, 0.84, 0.94, 0, 0.025,
                    new float[] {0.30f, 0.05f, 0.09f, 1}, SKIN_MID),
            new BodyType("female-thin", 1.68, 1.0, 0.86, 0.98, 0.78, 0.74, 0.86, 0, 0.018,
                    new float[] {0.08f, 0.20f, 0.12f, 1}, SKIN_DARK),
            new BodyType("child", 1.25, 1.25, 0.92, 0.94, 0.96, 1.02, 0.98, 0.01, 0,
                    new float[] {0.35f, 0.22f, 0.03f, 1}, SKIN_LIGHT));

    @Override
    public float[] suitColor() {
        return suitColor.clone();
    }

    @Override
    public float[] skinColor() {
        return skinColor.clone();
    }
}
