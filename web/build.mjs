// Builds the patient pages' assets into OUT_DIR: each file named with a hash of its content,
// pre-compressed (.br, .gz), and manifest.json naming them. The app embeds OUT_DIR and serves it.
// Usage: node web/build.mjs OUT_DIR
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const web = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2];
if (!out) {
  console.error('usage: node web/build.mjs OUT_DIR');
  process.exit(2);
}

const css = async (file) => (await esbuild.build({
  entryPoints: [join(web, 'styles', file)], bundle: true, minify: true, write: false, logLevel: 'error',
})).outputFiles[0].text;

// The components' own styles travel inside their script (adopted into the shadow root), so an
// embedding site needs one file.
const componentCss = await css('component.css');
const scripts = await esbuild.build({
  entryPoints: { booking: join(web, 'src', 'booking-element.jsx'), manage: join(web, 'src', 'manage-element.jsx') },
  bundle: true, minify: true, format: 'esm', target: ['es2020'], write: false, outdir: 'out',
  jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none', logLevel: 'error',
  define: { __COMPONENT_CSS__: JSON.stringify(componentCss) },
});

const assets = [
  ...scripts.outputFiles.map((f) => ({ name: f.path.split('/').pop(), bytes: Buffer.from(f.contents) })),
  { name: 'page.css', bytes: Buffer.from(await css('page.css')) },
];

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const manifest = {};
for (const { name, bytes } of assets) {
  const hash = createHash('sha256').update(bytes).digest('hex');
  const dot = name.lastIndexOf('.');
  const file = `${name.slice(0, dot)}.${hash.slice(0, 12)}${name.slice(dot)}`;
  writeFileSync(join(out, file), bytes);
  writeFileSync(join(out, file + '.br'), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(out, file + '.gz'), gzipSync(bytes, { level: 9 }));
  manifest[name] = { file, sha256: hash };
}

writeFileSync(join(out, 'text-en.json'), readFileSync(join(web, 'text', 'en.json')));
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`pages: ${Object.values(manifest).map((m) => m.file).join(', ')}`);
