/** File plumbing shared by the format writers. */
package io.anim3d.formats.io;
