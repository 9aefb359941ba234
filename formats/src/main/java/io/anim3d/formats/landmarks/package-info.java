/**
 * The {@code landmarks.dmpe} file format: a versioned, compressed, checksummed, streamable store
 * of a {@link io.anim3d.motion.LandmarkTrack}, bit-exact so that reruns reproduce their output.
 * The byte layout is documented in {@code docs/formats.md}; {@link io.anim3d.formats.landmarks.Dmpe}
 * is the entry point, {@link io.anim3d.formats.landmarks.DmpeWriter} and
 * {@link io.anim3d.formats.landmarks.DmpeReader} stream frame by frame.
 */
package io.anim3d.formats.landmarks;
