/**
 * Body tracking: a port of MediaPipe's pose_landmark_cpu graph (BlazePose detector, landmark
 * model, ROI tracking) on TensorFlow Lite. Constants follow MediaPipe's graph files as of the
 * models in {@code @mediapipe/holistic@0.5.1675471629}; each class names the calculator it ports.
 */
package io.anim3d.capture.vision;
