package io.anim3d.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds {@code ../shared} (test data, validators) beside the repository root. It is read-only:
 * tests never write into it. When it is missing, tests fail loudly under {@code CI=true} and are
 * skipped with a message elsewhere.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The repository root, from the {@code anim3d.repoRoot} property Surefire sets. */
    public static Path repoRoot() {
        String root = System.getProperty("anim3d.repoRoot");
        if (root == null) {
            Path p = Path.of("").toAbsolutePath();
            while (p != null && !Files.exists(p.resolve(".ci"))) {
                p = p.getParent();
            }
            return p == null ? Path.of("").toAbsolutePath() : p;
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** {@code ../shared} relative to the repository root, whether or not it exists. */
    public static Path sharedDir() {
        return repoRoot().resolve("..").resolve("shared").normalize();
    }

    /**
     * A file or folder under {@code ../shared}; fails under CI and skips elsewhere when absent.
     *
     * @param relative path below {@code shared/}, e.g. {@code testdata/videos/single/dance_white_1080p.mp4}
     */
    public static Path require(String relative) {
        Path p = sharedDir().resolve(relative);
        if (!Files.exists(p)) {
            String msg = "missing shared test data " + p + " (expected ../shared beside the repository)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg);
            }
            Assumptions.abort(msg + "; skipping");
        }
        return p;
    }

    /** A test data file: {@code require("testdata/" + relative)}. */
    public static Path testdata(String relative) {
        return require("testdata/" + relative);
    }

    /**
     * An executable program on the PATH or under shared/tools/validators; fails under CI and skips
     * elsewhere when absent.
     */
    public static Path tool(String name) {
        Path validator = sharedDir().resolve("tools/validators").resolve(name);
        if (Files.isExecutable(validator)) {
            return validator;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String msg = "tool " + name + " not found (run ../shared/tools/validators/install.sh)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(msg);
        }
        Assumptions.abort(msg + "; skipping");
        return null;
    }
}
