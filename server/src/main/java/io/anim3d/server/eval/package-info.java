/**
 * Ground-truth test data for {@code anim3d eval}: a reader for NumPy {@code .npy}/{@code .npz}
 * files ({@link io.anim3d.server.eval.Npz}) and loaders of the 3D pose ground truth of
 * Human3.6M and MPI-INF-3DHP in mmpose's preprocessed layout
 * ({@link io.anim3d.server.eval.GroundTruthSet}). The metrics themselves live in
 * {@code io.anim3d.motion.metrics}.
 */
package io.anim3d.server.eval;
