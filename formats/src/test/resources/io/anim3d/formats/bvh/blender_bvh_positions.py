# Runs inside Blender 3.4 (bpy), started by BvhBlenderTest:
#   blender -b -noaudio --factory-startup --python-exit-code 1 -P blender_bvh_positions.py -- \
#       OUT.json FRAMES FILE.bvh [FILE.bvh ...]
# FRAMES is a comma-separated list of 0-based BVH frame indices.
# Imports each BVH with Blender's own io_anim_bvh importer, with no axis conversion
# (axis_forward='Y', axis_up='Z' gives an identity matrix, so Blender space = BVH space, Y up)
# and global_scale=0.01 (centimetres -> metres), and writes, for every requested frame, the
# world-space head and tail of every pose bone. An End Site is the tail of its parent bone.
import json
import sys
import traceback

import addon_utils
import bpy


def allow_ru_open_mode():
    """io_anim_bvh 1.0.1 opens the file with mode 'rU', which Python 3.11 (Debian 12's Blender)
    rejects. Give only the importer module an open() without the 'U'; universal newlines are
    Python 3's default, so parsing is unchanged."""
    import builtins
    import io_anim_bvh.import_bvh as importer
    try:
        builtins.open(__file__, "rU").close()
        return False
    except ValueError:
        importer.open = lambda f, mode="r", *a, **k: builtins.open(f, mode.replace("U", ""), *a, **k)
        return True


def main():
    args = sys.argv[sys.argv.index("--") + 1:]
    out_path, frames, files = args[0], [int(f) for f in args[1].split(",")], args[2:]
    addon_utils.enable("io_anim_bvh", default_set=True)
    shim = allow_ru_open_mode()
    result = {"blender_version": bpy.app.version_string, "rU_shim": shim, "files": []}
    for path in files:
        bpy.ops.wm.read_factory_settings(use_empty=True)
        addon_utils.enable("io_anim_bvh", default_set=True)
        allow_ru_open_mode()
        ret = bpy.ops.import_anim.bvh(filepath=path, axis_forward="Y", axis_up="Z", global_scale=0.01,
                                      frame_start=1, use_fps_scale=False, update_scene_fps=False,
                                      rotate_mode="NATIVE")
        arm = next(o for o in bpy.context.scene.objects if o.type == "ARMATURE")
        entry = {"file": path, "result": sorted(ret), "bones": [b.name for b in arm.pose.bones], "frames": []}
        for f in frames:
            # Blender frame 1 is BVH frame 0 (frame_start=1; the importer skips its internal rest frame).
            bpy.context.scene.frame_set(f + 1)
            mw = arm.matrix_world
            entry["frames"].append({
                "frame": f,
                "heads": {b.name: list(mw @ b.head) for b in arm.pose.bones},
                "tails": {b.name: list(mw @ b.tail) for b in arm.pose.bones},
            })
        result["files"].append(entry)
    with open(out_path, "w") as fh:
        json.dump(result, fh)


try:
    main()
except Exception:
    traceback.print_exc()
    sys.exit(1)
