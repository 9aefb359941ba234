/** Helpers shared by the format tests: running third-party tools and reading their JSON. */
package io.anim3d.formats.testutil;
