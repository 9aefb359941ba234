/**
 * Signal filters for landmark streams: MediaPipe's One Euro and low-pass filters with their
 * exact timestamp semantics, and offline zero-phase smoothing.
 */
package io.anim3d.capture.filter;
