/**
 * The data that travels between pipeline stages (landmark tracks, skeletons, motions) and the
 * math they need. No I/O and no dependencies: every other module may depend on this one.
 */
package io.anim3d.motion;
