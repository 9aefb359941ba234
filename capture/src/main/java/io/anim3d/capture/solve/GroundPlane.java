package io.anim3d.capture.solve;

import io.anim3d.motion.Quat;
import io.anim3d.motion.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The floor under the person, fitted to the lowest foot point of each frame: a plane
 * y = a·x + b·z + c by least squares, refitted without the points well above it (lifted feet)
 * and pulled towards level when the feet cover too little ground to tell a tilt (ridge term).
 * A tilted camera shows up as a tilted plane; {@link #levelling()} turns it level.
 */
record GroundPlane(double a, double b, double c) {
    /** Points this far above the plane are lifted feet, not floor. */
    private static final double LIFTED = 0.05;
    /** Tilts beyond this are not believed (the camera would be looking nearly straight down). */
    private static final double MAX_TILT = Math.toRadians(35);
    /** The ridge weight equals that of feet spread over about this many metres. */
    private static final double PRIOR_SPREAD = 0.5;

    static GroundPlane fit(List<Vec3> lowestPoints) {
        if (lowestPoints.isEmpty()) {
            return new GroundPlane(0, 0, 0);
        }
        List<Vec3> pts = new ArrayList<>(lowestPoints);
        GroundPlane plane = level(pts);
        for (int iteration = 0; iteration < 4; iteration++) {
            GroundPlane current = plane;
            List<Vec3> floor = pts.stream().filter(p -> p.y() - current.heightAt(p) < LIFTED).toList();
            if (floor.size() < 3) {
                break;
            }
            plane = leastSquares(floor);
        }
        if (Math.acos(plane.normal().y()) > MAX_TILT) {
            return level(pts);
        }
        return plane;
    }

    /** A level plane at the median height of the points' lower half (robust to lifted feet). */
    private static GroundPlane level(List<Vec3> pts) {
        double[] ys = pts.stream().mapToDouble(Vec3::y).sorted().toArray();
        return new GroundPlane(0, 0, ys[ys.length / 4]);
    }

    private static GroundPlane leastSquares(List<Vec3> pts) {
        double n = pts.size();
        double mx = 0, mz = 0, my = 0;
        for (Vec3 p : pts) {
            mx += p.x() / n;
            mz += p.z() / n;
            my += p.y() / n;
        }
        double sxx = 0, szz = 0, sxz = 0, sxy = 0, szy = 0;
        for (Vec3 p : pts) {
            double dx = p.x() - mx, dz = p.z() - mz, dy = p.y() - my;
            sxx += dx * dx;
            szz += dz * dz;
            sxz += dx * dz;
            sxy += dx * dy;
            szy += dz * dy;
        }
        double ridge = n * PRIOR_SPREAD * PRIOR_SPREAD / 12;
        sxx += ridge;
        szz += ridge;
        double det = sxx * szz - sxz * sxz;
        double a = (sxy * szz - szy * sxz) / det;
        double b = (szy * sxx - sxy * sxz) / det;
        return new GroundPlane(a, b, my - a * mx - b * mz);
    }

    double heightAt(Vec3 p) {
        return a * p.x() + b * p.z() + c;
    }

    /** Unit normal pointing up. */
    Vec3 normal() {
        return new Vec3(-a, 1, -b).normalized();
    }

    /** The rotation that makes the plane level (its normal +Y). */
    Quat levelling() {
        return Quat.fromTo(normal(), Vec3.Y);
    }

    /** Height of the plane's point under the origin after {@link #levelling()}. */
    double levelledHeight() {
        return levelling().rotate(new Vec3(0, c, 0)).y();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }
}
