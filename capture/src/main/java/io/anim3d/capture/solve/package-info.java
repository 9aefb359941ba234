/**
 * From a landmark track to skeletal animation on the standard humanoid: resampling, bone
 * lengths, joint rotations, root trajectory and ground, foot contacts and locking, offline
 * filtering.
 */
package io.anim3d.capture.solve;
