package io.anim3d.server.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anim3d.capture.solve.CameraPose;
import io.anim3d.motion.Humanoid;
import io.anim3d.motion.Motion;
import io.anim3d.motion.Quat;
import io.anim3d.motion.Skeleton;
import io.anim3d.motion.Vec3;
import io.anim3d.server.params.CameraMode;
import org.junit.jupiter.api.Test;

/**
 * The render cameras of the three CamModes, checked by projecting the body through them: the fixed
 * camera sees the world exactly as the solver's camera did, the cinematic one keeps the hips in
 * the middle while the person walks sideways, the face one frames the head closer.
 */
class RenderCamerasTest {
    /** A tilted, offset real camera, as the solver might estimate it. */
    static final CameraPose REAL = new CameraPose(Quat.axisAngle(new Vec3(1, 0, 0), Math.toRadians(-8)),
            new Vec3(0.3, -1.1, -3.5));

    /** Someone walking 2 m sideways (along +x) over 60 frames at 30 fps. */
    static Motion walkSideways() {
        Skeleton s = Humanoid.standard();
        Motion.Builder b = Motion.builder(s, 30, 60);
        double hips = s.restPositions()[s.indexOf("Hips")].y();
        for (int f = 0; f < 60; f++) {
            b.rootPosition(f, new Vec3(-1 + 2.0 * f / 59, hips, -3.5));
        }
        return b.build();
    }

    /** Image x of a world point seen by a view, in [-1, 1] of the half-width for an aspect of 1. */
    static double[] project(RenderCameras.View v, Vec3 p) {
        Vec3 fwd = v.target().minus(v.eye()).normalized();
        Vec3 right = fwd.cross(v.up()).normalized();
        Vec3 up = right.cross(fwd);
        Vec3 d = p.minus(v.eye());
        double t = Math.tan(Math.toRadians(v.verticalFovDegrees() / 2));
        return new double[] {d.dot(right) / d.dot(fwd) / t, d.dot(up) / d.dot(fwd) / t};
    }

    @Test
    void fixedCameraIsTheSolversCamera() {
        Motion m = walkSideways();
        RenderCameras.View v = RenderCameras.views(m, CameraMode.FIXED, 1.75, REAL, 1.0, 1080, 1920, 0.8)[0];
        double focal = 0.8 * 1920;
        for (Vec3 p : new Vec3[] {new Vec3(0, 1, 0), new Vec3(-1, 0.2, 0.5), new Vec3(0.7, 1.6, -0.4)}) {
            Vec3 c = REAL.toCamera(p);
            double[] xy = project(v, p);
            // Pixels from the image centre: the solver's pinhole vs the render camera's.
            double tan = Math.tan(Math.toRadians(v.verticalFovDegrees() / 2));
            assertEquals(focal * c.x() / c.z(), xy[0] * tan * focal, 1e-6, "x of " + p);
            assertEquals(-focal * c.y() / c.z(), xy[1] * tan * focal, 1e-6, "y of " + p);
        }
        RenderCameras.View scaled = RenderCameras.views(m, CameraMode.FIXED, 1.75, REAL, 0.5, 1080, 1920, 0.8)[0];
        double[] a = project(v, new Vec3(0.4, 1.0, -0.6));
        double[] b = project(scaled, new Vec3(0.2, 0.5, -0.3));
        assertEquals(a[0], b[0], 1e-9, "a character half the size, seen from half the distance, lands on the same pixels");
        assertEquals(a[1], b[1], 1e-9);
    }

    @Test
    void cinematicKeepsTheWalkerCentredAndFixedShowsTheWalk() {
        Motion m = walkSideways();
        RenderCameras.View[] cinematic = RenderCameras.views(m, CameraMode.CINEMATIC, 1.75, REAL, 1.0, 1080, 1920, 0.8);
        RenderCameras.View[] fixed = RenderCameras.views(m, CameraMode.FIXED, 1.75, REAL, 1.0, 1080, 1920, 0.8);
        int hips = m.skeleton().indexOf("Hips");
        int head = m.skeleton().indexOf("Head");
        for (int f : new int[] {10, 30, 50}) {
            Vec3[] w = m.worldPositions(f);
            double[] c = project(cinematic[f], w[hips]);
            assertTrue(Math.abs(c[0]) < 0.15, "cinematic: hips near the middle at frame " + f + ": " + c[0]);
            double[] top = project(cinematic[f], w[head]);
            assertTrue(top[1] < 0.95, "cinematic: the head is in the picture at frame " + f + ": " + top[1]);
        }
        double start = project(fixed[10], m.worldPositions(10)[hips])[0];
        double end = project(fixed[50], m.worldPositions(50)[hips])[0];
        assertTrue(end - start > 0.3, "fixed: the walker crosses the picture: " + start + " → " + end);
        RenderCameras.View face = RenderCameras.views(m, CameraMode.FACE, 1.75, REAL, 1.0, 1080, 1920, 0.8)[30];
        assertTrue(face.eye().distance(face.target()) < cinematic[30].eye().distance(cinematic[30].target()),
                "the face camera is closer than the cinematic one");
        double[] h = project(face, m.worldPositions(30)[head]);
        assertTrue(Math.abs(h[0]) < 0.2 && Math.abs(h[1]) < 0.6, "face: the head is near the middle: " + h[0] + "," + h[1]);
    }
}
