# Runs inside Blender 3.4 (bpy), started by GlbBlenderPoseTest:
#   blender -b -noaudio --factory-startup --python-exit-code 1 -P blender_glb_pose.py -- \
#       OUT.json FRAMES FILE.glb [FILE.glb ...]
# FRAMES is a comma-separated list of 0-based motion frames. The scene runs at 30 fps before the
# import, so Blender frame f is glTF time f / 30 s (the importer keys time t at frame t * fps).
# Imports each file with Blender's own io_scene_gltf2 importer (default options) and writes, per
# frame, the world position of every pose bone's head and, per mesh object, the vertex count,
# centroid and bounding box of the evaluated (shape-keyed and skinned) mesh in world space, keyed
# by the Blender mesh data name (= the glTF mesh name; object names vary: for a skinned node with a
# weights channel the importer makes an empty with the node's name and names the mesh object after
# the mesh).
# Positions are converted back to glTF axes: the importer maps glTF (x, y, z) to Blender
# (x, -z, y), so glTF = (bx, bz, -by).
import json
import sys
import traceback

import addon_utils
import bpy


def numpy_bool_shim():
    """io_scene_gltf2 3.4.50 uses np.bool, removed in NumPy 1.24 (Debian 12 ships 1.24.2); it was
    always an alias of the builtin bool. The same shim as shared/tools/validators/lib/blender_inspect.py."""
    import numpy
    if "bool" not in vars(numpy):
        numpy.bool = bool
        return True
    return False


def gltf(v):
    return [float(v[0]), float(v[2]), -float(v[1])]


def mesh_stats(obj, depsgraph):
    ev = obj.evaluated_get(depsgraph)
    m = ev.to_mesh()
    mw = ev.matrix_world
    n = len(m.vertices)
    total = [0.0, 0.0, 0.0]
    lo = [float("inf")] * 3
    hi = [float("-inf")] * 3
    for v in m.vertices:
        p = gltf(mw @ v.co)
        for i in range(3):
            total[i] += p[i]
            lo[i] = min(lo[i], p[i])
            hi[i] = max(hi[i], p[i])
    ev.to_mesh_clear()
    return {"vertices": n, "centroid": [t / n for t in total], "min": lo, "max": hi}


def main():
    args = sys.argv[sys.argv.index("--") + 1:]
    out_path, frames, files = args[0], [int(f) for f in args[1].split(",")], args[2:]
    result = {"blender_version": bpy.app.version_string, "files": []}
    for path in files:
        bpy.ops.wm.read_factory_settings(use_empty=True)
        addon_utils.enable("io_scene_gltf2", default_set=True)
        result["numpy_bool_shim"] = numpy_bool_shim()
        scene = bpy.context.scene
        scene.render.fps = 30
        scene.render.fps_base = 1.0
        ret = bpy.ops.import_scene.gltf(filepath=path)
        arm = next(o for o in scene.objects if o.type == "ARMATURE")
        meshes = sorted((o for o in scene.objects if o.type == "MESH"), key=lambda o: o.name)
        entry = {"file": path, "result": sorted(ret), "frames": []}
        for f in frames:
            scene.frame_set(f)
            depsgraph = bpy.context.evaluated_depsgraph_get()
            mw = arm.matrix_world
            entry["frames"].append({
                "frame": f,
                "heads": {b.name: gltf(mw @ b.head) for b in arm.pose.bones},
                "meshes": {o.data.name: mesh_stats(o, depsgraph) for o in meshes},
            })
        result["files"].append(entry)
    with open(out_path, "w") as fh:
        json.dump(result, fh)


try:
    main()
except Exception:
    traceback.print_exc()
    sys.exit(1)
