/**
 * Drawings on top of video frames, in pure Java on packed RGB24 arrays: the tracked skeleton of
 * {@code anim3d landmarks --overlay} ({@link io.anim3d.render.overlay.LandmarkOverlay}).
 */
package io.anim3d.render.overlay;
