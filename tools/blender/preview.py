# Renders a GLB written by anim3d to PNG with Blender (background mode), until anim3d's own
# renderer exists. Usage:
#   blender -b --factory-startup -P tools/blender/preview.py -- IN.glb OUT.png FRAME [FRAME...]
# Each frame is written as OUT with "-<frame>" before the extension. Frame 0 is the rest pose
# (the animation is removed), other frames are frames of the animation.
import math
import sys

import bpy
import numpy

if not hasattr(numpy, "bool"):  # Debian's Blender 3.4 glTF importer still uses numpy.bool
    numpy.bool = bool

args = sys.argv[sys.argv.index("--") + 1:]
src, out, frames = args[0], args[1], [int(f) for f in args[2:]]

bpy.ops.wm.read_factory_settings(use_empty=True)
bpy.context.scene.cycles.use_denoising = False
bpy.ops.import_scene.gltf(filepath=src)
scene = bpy.context.scene
objects = [o for o in scene.objects if o.type == "MESH"]
armature = next(o for o in scene.objects if o.type == "ARMATURE")
action = armature.animation_data.action if armature.animation_data else None

# Camera in front of the character (glTF +Z is Blender -Y), a key light and a fill.
cam_data = bpy.data.cameras.new("cam")
cam_data.lens = 50
cam = bpy.data.objects.new("cam", cam_data)
scene.collection.objects.link(cam)
scene.camera = cam
for name, rot, energy in (("key", (math.radians(50), 0, math.radians(30)), 4.0),
                          ("fill", (math.radians(60), 0, math.radians(-120)), 1.5)):
    light = bpy.data.objects.new(name, bpy.data.lights.new(name, "SUN"))
    light.data.energy = energy
    light.rotation_euler = rot
    scene.collection.objects.link(light)
world = bpy.data.worlds.new("w")
world.color = (0.6, 0.62, 0.66)
scene.world = world
floor = bpy.data.meshes.new("floor")
floor.from_pydata([(-5, -5, 0), (5, -5, 0), (5, 5, 0), (-5, 5, 0)], [], [(0, 1, 2, 3)])
scene.collection.objects.link(bpy.data.objects.new("floor", floor))

scene.render.engine = "CYCLES"
scene.cycles.samples = 24
scene.cycles.use_denoising = False
scene.cycles.device = "CPU"
scene.render.resolution_x = 480
scene.render.resolution_y = 640
scene.render.image_settings.file_format = "PNG"

for frame in frames:
    if frame == 0:
        if armature.animation_data:
            armature.animation_data.action = None
        for b in armature.pose.bones:
            b.rotation_quaternion = (1, 0, 0, 0)
            b.location = (0, 0, 0)
    else:
        armature.animation_data.action = action
        scene.frame_set(frame)
    bpy.context.view_layer.update()
    # Frame the character: centre of the mesh bounds, distance from its height.
    deps = bpy.context.evaluated_depsgraph_get()
    pts = []
    for o in objects:
        ev = o.evaluated_get(deps)
        pts += [ev.matrix_world @ v.co for v in ev.to_mesh().vertices]
    lo = [min(p[i] for p in pts) for i in range(3)]
    hi = [max(p[i] for p in pts) for i in range(3)]
    centre = [(lo[i] + hi[i]) / 2 for i in range(3)]
    size = max(hi[2] - lo[2], hi[0] - lo[0])
    cam.location = (centre[0], centre[1] - 2.4 * size, centre[2] + 0.1 * size)
    cam.rotation_euler = (math.radians(88), 0, 0)
    base, ext = out.rsplit(".", 1)
    scene.render.filepath = f"{base}-{frame}.{ext}"
    bpy.ops.render.render(write_still=True)
