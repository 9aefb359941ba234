/**
 * The whole processing pipeline of one job, without HTTP or queues: input file and params in,
 * output files out. The CLI's {@code process} and (later) the job workers call it.
 */
package io.anim3d.server.pipeline;
