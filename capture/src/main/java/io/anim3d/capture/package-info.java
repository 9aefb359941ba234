/** From input files to landmark tracks and motion: decoding, inference, tracking, filtering, solving. */
package io.anim3d.capture;
