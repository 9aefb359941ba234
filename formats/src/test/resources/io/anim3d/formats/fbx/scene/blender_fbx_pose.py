# Runs inside Blender 3.4 (bpy), started by FbxSceneBlenderTest:
#   blender -b -noaudio --factory-startup --python-exit-code 1 -P blender_fbx_pose.py -- \
#       OUT.json FRAMES FILE.fbx [FILE.fbx ...]
# FRAMES is a comma-separated list of 0-based motion frames; the FBX importer keys KTime 0 at
# Blender frame 1 (its anim_offset), so motion frame f is Blender frame f + 1.
# Imports each file with Blender's own io_scene_fbx importer (default options: Y up converted to
# Blender's Z up, UnitScaleFactor applied) and writes, per frame, the world position of every pose
# bone's head and, per mesh object, the centroid of the evaluated (skinned) mesh in world space.
# Positions are written in Blender's axes and units as they are; the test converts.
# io_scene_fbx needs none of the Debian shims of shared/tools/validators/lib/blender_inspect.py
# (those are for io_anim_bvh's 'rU' mode and io_scene_gltf2's numpy.bool); the test runs Blender
# with a system PATH, as that wrapper does, so Blender finds Debian's Python library.
import json
import sys
import traceback

import addon_utils
import bpy


def vec(v):
    return [float(v[0]), float(v[1]), float(v[2])]


def centroid(obj, depsgraph):
    ev = obj.evaluated_get(depsgraph)
    m = ev.to_mesh()
    mw = ev.matrix_world
    total = [0.0, 0.0, 0.0]
    for v in m.vertices:
        p = mw @ v.co
        for i in range(3):
            total[i] += p[i]
    n = len(m.vertices)
    ev.to_mesh_clear()
    return {"vertices": n, "centroid": [t / n for t in total]}


def main():
    args = sys.argv[sys.argv.index("--") + 1:]
    out_path, frames, files = args[0], [int(f) for f in args[1].split(",")], args[2:]
    result = {"blender_version": bpy.app.version_string, "files": []}
    for path in files:
        bpy.ops.wm.read_factory_settings(use_empty=True)
        addon_utils.enable("io_scene_fbx", default_set=True)
        scene = bpy.context.scene
        ret = bpy.ops.import_scene.fbx(filepath=path)
        arm = next(o for o in scene.objects if o.type == "ARMATURE")
        meshes = sorted((o for o in scene.objects if o.type == "MESH"), key=lambda o: o.name)
        entry = {"file": path, "result": sorted(ret), "fps": scene.render.fps / scene.render.fps_base, "frames": []}
        for f in frames:
            scene.frame_set(f + 1)
            depsgraph = bpy.context.evaluated_depsgraph_get()
            mw = arm.matrix_world
            entry["frames"].append({
                "frame": f,
                "heads": {b.name: vec(mw @ b.head) for b in arm.pose.bones},
                "meshes": {o.name: centroid(o, depsgraph) for o in meshes},
            })
        result["files"].append(entry)
    with open(out_path, "w") as fh:
        json.dump(result, fh)


try:
    main()
except Exception:
    traceback.print_exc()
    sys.exit(1)
