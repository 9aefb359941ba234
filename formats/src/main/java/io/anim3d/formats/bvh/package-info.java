/**
 * The BVH (Biovision Hierarchy) motion format: {@link io.anim3d.formats.bvh.BvhWriter} writes a
 * {@link io.anim3d.motion.Motion} in centimetres with ZXY Euler channels, continuous from frame to
 * frame; {@link io.anim3d.formats.bvh.BvhReader} reads any BVH (any channel order, End Sites) into
 * a {@link io.anim3d.formats.bvh.BvhFile}, which converts to a Motion. Conventions (position
 * channels, End Site names, units) are documented in {@code docs/formats.md}.
 */
package io.anim3d.formats.bvh;
