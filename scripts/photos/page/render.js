// Renders one synthetic "photo" of a posed hand with three.js (served by scripts/photos/render-hands.ts).
// The hand is the WebXR "generic-hand" rigged model (@webxr-input-profiles/assets, MIT). Its 25
// joints are flat children of the armature (WebXR drives each joint directly), so posing is done
// here by forward kinematics: every finger chain is rotated joint by joint in the armature's frame.
import * as THREE from 'three';
import { GLTFLoader } from 'three/addons/loaders/GLTFLoader.js';

const FINGERS = ['index', 'middle', 'ring', 'pinky'];
const CHAIN = (f) => [`${f}-finger-metacarpal`, `${f}-finger-phalanx-proximal`, `${f}-finger-phalanx-intermediate`, `${f}-finger-phalanx-distal`, `${f}-finger-tip`];
const THUMB = ['thumb-metacarpal', 'thumb-phalanx-proximal', 'thumb-phalanx-distal', 'thumb-tip'];
/** MediaPipe Hands landmark order → joint names */
const LANDMARKS = ['wrist', ...THUMB, ...FINGERS.flatMap((f) => CHAIN(f).slice(1))];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const deg = THREE.MathUtils.degToRad;
const v3 = () => new THREE.Vector3();

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.outputColorSpace = THREE.SRGBColorSpace;
renderer.toneMapping = THREE.ACESFilmicToneMapping;
renderer.shadowMap.enabled = true;
renderer.shadowMap.type = THREE.PCFSoftShadowMap;
document.body.appendChild(renderer.domElement);

const loader = new GLTFLoader();
const hands = {};

async function loadHand(side) {
  const gltf = await loader.loadAsync(`/hands/${side}.glb`);
  const root = gltf.scene;
  const bones = {};
  let mesh = null;
  root.traverse((o) => {
    if (o.isBone) bones[o.name] = o;
    if (o.isSkinnedMesh) mesh = o;
  });
  const rest = {};
  for (const [name, b] of Object.entries(bones)) rest[name] = { p: b.position.clone(), q: b.quaternion.clone() };
  const armature = bones.wrist.parent;
  // The palm's frame at rest, in the armature's coordinates.
  const wrist = rest.wrist.p;
  const idx = rest['index-finger-phalanx-proximal'].p;
  const mid = rest['middle-finger-phalanx-proximal'].p;
  const pky = rest['pinky-finger-phalanx-proximal'].p;
  const up = v3().subVectors(mid, wrist).normalize(); // wrist → fingers
  const across = v3().subVectors(pky, idx); // index → little finger
  across.sub(up.clone().multiplyScalar(across.dot(up))).normalize();
  // palm normal: the side the thumb folds over
  let normal = v3().crossVectors(up, across).normalize();
  const center = v3().addVectors(wrist, mid).multiplyScalar(0.5);
  const thumbTip = rest['thumb-tip'].p;
  if (normal.dot(v3().subVectors(thumbTip, center)) < 0) normal.negate();
  return { side, root, bones, rest, mesh, armature, up, across, normal, center, extras: new THREE.Group() };
}

const q = (axis, angleDeg) => new THREE.Quaternion().setFromAxisAngle(axis, deg(angleDeg));

/**
 * Pose one hand. pose = { index|middle|ring|pinky: [spread, mcp, pip, dip], thumb: [abduct, oppose, mcp, ip],
 * cup } (degrees; flexion towards the palm is positive; spread is towards the thumb).
 */
function poseHand(h, pose) {
  const { bones, rest, up, normal, across } = h;
  for (const [name, r] of Object.entries(rest)) {
    bones[name].position.copy(r.p);
    bones[name].quaternion.copy(r.q);
  }
  FINGERS.forEach((f, i) => {
    const names = CHAIN(f);
    const P = names.map((n) => rest[n].p);
    const Q = names.map((n) => rest[n].q);
    const [spread, mcp, pip, dip] = pose[f] ?? [0, 0, 0, 0];
    const dir = v3().subVectors(P[4], P[1]).normalize();
    const flexAxis = v3().crossVectors(dir, normal).normalize();
    // cupping: the ring and little finger metacarpals roll towards the palm
    const cup = (pose.cup ?? 0) * [0, 0.15, 0.5, 1][i];
    const Rm = q(up, cup * (h.side === 'left' ? -1 : 1));
    // spread is positive towards the thumb (-across)
    const spreadAxis = normal.clone().multiplyScalar(h.side === 'left' ? -1 : 1);
    const R1 = Rm.clone().multiply(q(spreadAxis, -spread)).multiply(q(flexAxis, mcp));
    const R2 = R1.clone().multiply(q(flexAxis, pip));
    const R3 = R2.clone().multiply(q(flexAxis, dip));
    const Rs = [Rm, R1, R2, R3];
    const pos = [P[0].clone()];
    pos[1] = P[0].clone().add(v3().subVectors(P[1], P[0]).applyQuaternion(Rm));
    for (let k = 2; k <= 4; k++) pos[k] = pos[k - 1].clone().add(v3().subVectors(P[k], P[k - 1]).applyQuaternion(Rs[k - 1]));
    for (let k = 0; k <= 4; k++) {
      bones[names[k]].position.copy(pos[k]);
      bones[names[k]].quaternion.copy(Rs[Math.min(k, 3)].clone().multiply(Q[k]));
    }
  });
  // Thumb: abduction swings it in the palm's plane away from the index; opposition rolls it in
  // front of the palm (about the palm's long axis); then MCP and IP flexion.
  const P = THUMB.map((n) => rest[n].p);
  const Q = THUMB.map((n) => rest[n].q);
  const [abduct, oppose, mcp, ip] = pose.thumb ?? [0, 0, 0, 0];
  const s = h.side === 'left' ? -1 : 1;
  const dir = v3().subVectors(P[3], P[0]).normalize();
  // the thumb pad faces the index finger and a little the palm
  const pad = across.clone().add(normal.clone().multiplyScalar(0.6)).normalize();
  const flexAxis = v3().crossVectors(dir, pad).normalize();
  const R0 = q(up, s * oppose).multiply(q(normal, -s * abduct));
  const R1 = R0.clone().multiply(q(flexAxis, mcp));
  const R2 = R1.clone().multiply(q(flexAxis, ip));
  const Rs = [R0, R1, R2, R2];
  const pos = [P[0].clone()];
  for (let k = 1; k <= 3; k++) pos[k] = pos[k - 1].clone().add(v3().subVectors(P[k], P[k - 1]).applyQuaternion(Rs[k - 1]));
  for (let k = 0; k <= 3; k++) {
    bones[THUMB[k]].position.copy(pos[k]);
    bones[THUMB[k]].quaternion.copy(Rs[k].clone().multiply(Q[k]));
  }
}

function canvasTexture(w, h, draw) {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  draw(c.getContext('2d'), w, h);
  const t = new THREE.CanvasTexture(c);
  t.colorSpace = THREE.SRGBColorSpace;
  return t;
}

/** A background picture: plain, gradient, stripes, tiles, noise (wall-like) or a soft blurred "room". */
function background(spec, rnd, w, h) {
  const [a, b] = spec.colors;
  return canvasTexture(w, h, (g) => {
    switch (spec.kind) {
      case 'plain':
        g.fillStyle = a;
        g.fillRect(0, 0, w, h);
        break;
      case 'gradient': {
        const gr = g.createLinearGradient(0, 0, w * rnd(), h);
        gr.addColorStop(0, a);
        gr.addColorStop(1, b);
        g.fillStyle = gr;
        g.fillRect(0, 0, w, h);
        break;
      }
      case 'stripes': {
        g.fillStyle = a;
        g.fillRect(0, 0, w, h);
        g.fillStyle = b;
        const step = 20 + rnd() * 60;
        g.save();
        g.translate(w / 2, h / 2);
        g.rotate(rnd() * Math.PI);
        for (let x = -w * 2; x < w * 2; x += step * 2) g.fillRect(x, -h * 2, step, h * 4);
        g.restore();
        break;
      }
      case 'tiles': {
        const step = 40 + rnd() * 80;
        for (let y = 0; y < h; y += step)
          for (let x = 0; x < w; x += step) {
            g.fillStyle = (Math.floor(x / step) + Math.floor(y / step)) % 2 ? a : b;
            g.fillRect(x, y, step, step);
          }
        g.strokeStyle = 'rgba(0,0,0,0.15)';
        for (let y = 0; y < h; y += step) g.strokeRect(0, y, w, 1);
        break;
      }
      case 'noise': {
        g.fillStyle = a;
        g.fillRect(0, 0, w, h);
        for (let i = 0; i < 5000; i++) {
          g.fillStyle = `rgba(${rnd() < 0.5 ? '0,0,0' : '255,255,255'},${0.03 + rnd() * 0.06})`;
          const r = 2 + rnd() * 14;
          g.fillRect(rnd() * w, rnd() * h, r, r);
        }
        break;
      }
      default: {
        // "room": large blurred shapes, like an out-of-focus indoor scene
        g.fillStyle = a;
        g.fillRect(0, 0, w, h);
        g.filter = 'blur(30px)';
        for (let i = 0; i < 9; i++) {
          g.fillStyle = [a, b, '#f2efe8', '#3b3128', '#8a9aa8'][Math.floor(rnd() * 5)];
          g.globalAlpha = 0.5 + rnd() * 0.5;
          g.fillRect(rnd() * w - 100, rnd() * h - 100, 80 + rnd() * w * 0.5, 80 + rnd() * h * 0.6);
        }
        g.globalAlpha = 1;
        g.filter = 'none';
      }
    }
  });
}

function skinMaterial(color, rnd) {
  // a faint blotchy texture so the skin is not a flat colour
  const map = canvasTexture(256, 256, (g, w, h) => {
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, w, h);
    for (let i = 0; i < 900; i++) {
      g.fillStyle = `rgba(${rnd() < 0.5 ? '150,70,60' : '255,235,225'},${0.04 + rnd() * 0.06})`;
      const r = 1 + rnd() * 6;
      g.beginPath();
      g.arc(rnd() * w, rnd() * h, r, 0, Math.PI * 2);
      g.fill();
    }
  });
  return new THREE.MeshPhysicalMaterial({
    color: new THREE.Color(color),
    map,
    roughness: 0.62,
    metalness: 0,
    sheen: 0.5,
    sheenRoughness: 0.6,
    sheenColor: new THREE.Color('#ff9c80'),
    clearcoat: 0.08,
    clearcoatRoughness: 0.6,
  });
}

/** Forearm (skin) and a sleeve, in the hand's armature frame, going from the wrist away from the fingers. */
function forearm(h, skin, sleeveColor, sleeveAt) {
  const g = new THREE.Group();
  const wrist = h.rest.wrist.p;
  const axis = h.up.clone().negate();
  const arm = new THREE.Mesh(new THREE.CylinderGeometry(0.025, 0.031, 0.3, 32, 1, true), skin);
  arm.castShadow = arm.receiveShadow = true;
  const sleeve = new THREE.Mesh(new THREE.CylinderGeometry(0.042, 0.047, 0.3, 32, 1, false), new THREE.MeshStandardMaterial({ color: sleeveColor, roughness: 0.9 }));
  sleeve.castShadow = sleeve.receiveShadow = true;
  const look = new THREE.Matrix4().makeBasis(h.across, axis, v3().crossVectors(h.across, axis));
  const place = (m, from, len) => {
    m.quaternion.setFromRotationMatrix(look);
    m.position.copy(wrist).add(axis.clone().multiplyScalar(from + len / 2));
  };
  // oval: x along "across" wider than the thickness
  place(arm, -0.02, 0.3);
  arm.scale.set(1.15, 1, 0.8);
  g.add(arm);
  if (sleeveAt !== null) {
    place(sleeve, sleeveAt, 0.3);
    sleeve.scale.set(1.1, 1, 0.85);
    g.add(sleeve);
  }
  return g;
}

function mug(h, color, rnd) {
  const g = new THREE.Group();
  const mat = new THREE.MeshStandardMaterial({ color, roughness: 0.35 });
  const body = new THREE.Mesh(new THREE.CylinderGeometry(0.033, 0.031, 0.095, 40), mat);
  const inner = new THREE.Mesh(new THREE.CylinderGeometry(0.029, 0.028, 0.093, 40, 1, true), new THREE.MeshStandardMaterial({ color: '#3a2416', side: THREE.BackSide }));
  inner.position.y = 0.002;
  const handle = new THREE.Mesh(new THREE.TorusGeometry(0.022, 0.006, 12, 24, Math.PI), mat);
  handle.rotation.z = -Math.PI / 2;
  handle.position.x = 0.033;
  g.add(body, inner, handle);
  for (const m of [body, handle]) m.castShadow = m.receiveShadow = true;
  // the mug's axis runs across the palm (index → little finger), in front of the palm
  const look = new THREE.Matrix4().makeBasis(h.normal.clone().negate(), h.across, v3().crossVectors(h.normal.clone().negate(), h.across));
  g.quaternion.setFromRotationMatrix(look);
  const palm = v3().addVectors(h.rest['index-finger-phalanx-proximal'].p, h.rest['pinky-finger-phalanx-proximal'].p).multiplyScalar(0.5);
  g.position.copy(palm).add(h.normal.clone().multiplyScalar(0.045)).add(h.up.clone().multiplyScalar(0.02 + rnd() * 0.01));
  return g;
}

function keyboard(rnd) {
  const g = new THREE.Group();
  const base = new THREE.Mesh(new THREE.BoxGeometry(0.44, 0.02, 0.15), new THREE.MeshStandardMaterial({ color: rnd() < 0.5 ? '#1c1c1e' : '#cfd2d6', roughness: 0.6 }));
  base.receiveShadow = true;
  g.add(base);
  const keyMat = new THREE.MeshStandardMaterial({ color: rnd() < 0.5 ? '#2a2a2c' : '#f4f4f2', roughness: 0.5 });
  const keys = new THREE.InstancedMesh(new THREE.BoxGeometry(0.016, 0.008, 0.016), keyMat, 14 * 5);
  let n = 0;
  const m = new THREE.Matrix4();
  for (let r = 0; r < 5; r++)
    for (let c = 0; c < 14; c++) {
      m.makeTranslation(-0.2 + c * 0.0305 + r * 0.005, 0.014, -0.058 + r * 0.029);
      keys.setMatrixAt(n++, m);
    }
  keys.castShadow = keys.receiveShadow = true;
  g.add(keys);
  return g;
}

/** Rotation taking the hand's frame (up → +Y, palm normal → +Z towards the camera) to the world. */
function canonical(h) {
  const x = v3().crossVectors(h.up, h.normal).normalize();
  const m = new THREE.Matrix4().makeBasis(x, h.up, h.normal);
  return new THREE.Quaternion().setFromRotationMatrix(m).invert();
}

let scene;

async function render(spec) {
  hands.right ??= await loadHand('right');
  hands.left ??= await loadHand('left');
  const rnd = mulberry32(spec.seed);
  const { width, height } = spec;
  renderer.setSize(width, height, false);
  renderer.toneMappingExposure = spec.light.exposure;
  scene?.traverse((o) => {
    o.geometry?.dispose?.();
  });
  scene = new THREE.Scene();
  scene.background = background(spec.background, rnd, width, height);

  const hemi = new THREE.HemisphereLight(spec.light.sky, spec.light.ground, spec.light.ambient);
  scene.add(hemi);
  const key = new THREE.DirectionalLight(spec.light.key, spec.light.keyIntensity);
  key.position.set(...spec.light.keyDir).multiplyScalar(2);
  key.castShadow = true;
  key.shadow.mapSize.set(1024, 1024);
  key.shadow.camera.left = key.shadow.camera.bottom = -0.4;
  key.shadow.camera.right = key.shadow.camera.top = 0.4;
  key.shadow.bias = -0.0005;
  key.shadow.normalBias = 0.002;
  scene.add(key);
  const fill = new THREE.DirectionalLight('#ffffff', spec.light.fill);
  fill.position.set(-spec.light.keyDir[0], 0.3, 1);
  scene.add(fill);

  const camera = new THREE.PerspectiveCamera(spec.camera.fov, width / height, 0.01, 10);
  const landmarks = [];
  for (const handSpec of spec.hands) {
    const h = hands[handSpec.side];
    poseHand(h, handSpec.pose);
    const holder = new THREE.Group();
    // The armature in the holder, centred on the palm, turned into the canonical frame.
    const inner = new THREE.Group();
    inner.add(h.root);
    h.root.position.copy(h.center).negate();
    inner.quaternion.copy(canonical(h));
    holder.add(inner);
    const [ry, rx, rz] = handSpec.rotation.map(deg);
    holder.quaternion.setFromEuler(new THREE.Euler(rx, ry, rz, 'YXZ'));
    holder.position.set(...handSpec.position);
    holder.scale.setScalar(handSpec.scale ?? 1);
    scene.add(holder);
    const skin = skinMaterial(handSpec.skin, rnd);
    h.mesh.material = skin;
    h.mesh.castShadow = h.mesh.receiveShadow = true;
    h.mesh.frustumCulled = false;
    h.extras.clear();
    h.armature.add(h.extras);
    h.extras.add(forearm(h, skin, handSpec.sleeve, handSpec.sleeveAt));
    if (handSpec.prop === 'mug') h.extras.add(mug(h, handSpec.propColor, rnd));
    holder.updateMatrixWorld(true);
    landmarks.push(LANDMARKS.map((n) => h.bones[n].getWorldPosition(v3())));
  }
  if (spec.keyboard) {
    const kb = keyboard(rnd);
    kb.position.set(...spec.keyboard.position);
    kb.rotation.y = deg(spec.keyboard.yaw);
    scene.add(kb);
  }
  if (spec.table) {
    const table = new THREE.Mesh(new THREE.PlaneGeometry(3, 3), new THREE.MeshStandardMaterial({ color: spec.table, roughness: 0.8 }));
    table.rotation.x = -Math.PI / 2;
    table.position.y = spec.tableY;
    table.receiveShadow = true;
    scene.add(table);
  }
  const c = spec.camera;
  camera.position.setFromSphericalCoords(c.distance, deg(90 - c.pitch), deg(c.yaw));
  camera.position.add(new THREE.Vector3(...c.target));
  camera.up.set(Math.sin(deg(c.roll)), Math.cos(deg(c.roll)), 0);
  camera.lookAt(...c.target);
  camera.updateMatrixWorld(true);
  renderer.render(scene, camera);
  const image = renderer.domElement.toDataURL('image/jpeg', spec.quality);
  const projected = landmarks.map((hand) =>
    hand.map((p) => {
      const s = p.clone().project(camera);
      const z = p.clone().applyMatrix4(camera.matrixWorldInverse).z;
      return [((s.x + 1) / 2) * width, ((1 - s.y) / 2) * height, z * 1000];
    }),
  );
  // the 3D joint positions in the camera frame (mm), for checking the pose itself
  const world = landmarks.map((hand) => hand.map((p) => p.clone().applyMatrix4(camera.matrixWorldInverse).multiplyScalar(1000).toArray()));
  for (const h of Object.values(hands)) h.root.parent?.parent?.removeFromParent();
  return { image, landmarks: projected, world };
}

window.renderScene = render;
window.rendererReady = true;

/** The posed joints (armature frame, mm, MediaPipe order) without rendering: for searching poses. */
window.probePose = async (side, pose) => {
  hands.right ??= await loadHand('right');
  hands.left ??= await loadHand('left');
  const h = hands[side];
  poseHand(h, pose);
  const frame = canonical(h);
  return LANDMARKS.map((n) => h.bones[n].position.clone().sub(h.center).applyQuaternion(frame).multiplyScalar(1000).toArray());
};
