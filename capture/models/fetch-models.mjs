// Build step: puts MediaPipe's models (Apache-2.0) where the capture jar packages them.
//
// The npm package @mediapipe/holistic, pinned with its integrity hash by package-lock.json, is
// installed with the machine's npm. The pose landmark models are plain files in it; the others
// sit inside holistic_solution_packed_assets.data at the byte ranges its loader script lists.
// Every extracted file is checked against models.sha256 before it is written, so a changed
// package can never slip a different model into the product. Nothing is fetched at run time.
//
// usage: node fetch-models.mjs OUT_DIR
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: node fetch-models.mjs OUT_DIR');
  process.exit(2);
}

/** name -> expected SHA-256 (hex), from models.sha256 ("<hex>  <name>" lines). */
const expected = new Map(
  readFileSync(join(here, 'models.sha256'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [hash, name] = l.split(/\s+/);
      return [name, hash.toLowerCase()];
    }),
);

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

const upToDate = [...expected].every(([name, hash]) => {
  const f = join(outDir, name);
  return existsSync(f) && sha256(readFileSync(f)) === hash;
});
if (upToDate) {
  console.log(`models: ${expected.size} files in ${outDir} match models.sha256`);
  process.exit(0);
}

const pkgDir = join(here, 'node_modules', '@mediapipe', 'holistic');
if (!existsSync(join(pkgDir, 'package.json'))) {
  console.log('models: npm ci (package-lock.json pins @mediapipe/holistic and its integrity)');
  execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: here,
    stdio: 'inherit',
  });
}

/** The loader script passes one JSON object {"files": [{filename, start, end}], ...} to loadPackage. */
function packedAssetRanges() {
  const js = readFileSync(join(pkgDir, 'holistic_solution_packed_assets_loader.js'), 'utf8');
  const at = js.indexOf('{"files":');
  if (at < 0) throw new Error('holistic_solution_packed_assets_loader.js: no {"files": ...} metadata found');
  let depth = 0;
  for (let i = at; i < js.length; i++) {
    if (js[i] === '{') depth++;
    else if (js[i] === '}' && --depth === 0) {
      const files = JSON.parse(js.slice(at, i + 1)).files;
      return new Map(files.map((f) => [f.filename.split('/').pop(), f]));
    }
  }
  throw new Error('holistic_solution_packed_assets_loader.js: unterminated metadata object');
}

const ranges = packedAssetRanges();
const packed = readFileSync(join(pkgDir, 'holistic_solution_packed_assets.data'));
mkdirSync(outDir, { recursive: true });
for (const [name, hash] of expected) {
  let bytes;
  if (existsSync(join(pkgDir, name))) {
    bytes = readFileSync(join(pkgDir, name));
  } else if (ranges.has(name)) {
    const r = ranges.get(name);
    bytes = packed.subarray(r.start, r.end);
  } else {
    throw new Error(`${name}: neither a file of @mediapipe/holistic nor listed in its packed assets`);
  }
  const got = sha256(bytes);
  if (got !== hash) {
    throw new Error(`${name}: SHA-256 ${got} does not match models.sha256 (${hash}); refusing to package it`);
  }
  const tmp = join(outDir, name + '.tmp');
  writeFileSync(tmp, bytes);
  renameSync(tmp, join(outDir, name));
}
console.log(`models: ${expected.size} files extracted and verified into ${outDir}`);
