/**
 * Animation-quality metrics as defined in {@code docs/METRICS.md}: pose accuracy against ground
 * truth ({@link io.anim3d.motion.metrics.PoseMetrics}: MPJPE, PA-MPJPE, acceleration error,
 * W/WA-MPJPE100, RTE) and ground-truth-free quality of a motion
 * ({@link io.anim3d.motion.metrics.MotionQuality}: jitter, foot sliding, skating ratio, ground
 * penetration, bone-length drift, flips). Pure math on joint positions in metres; no I/O.
 */
package io.anim3d.motion.metrics;
