/** Moving a motion from one skeleton to another. */
package io.anim3d.motion.retarget;
