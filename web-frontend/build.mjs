// Builds the browser assets vendored into the Python package (run: npm ci && npm run build).
//
//   src/mltrail/web/static/vendor/editor.js             CodeMirror 6 bundle (minified IIFE)
//   src/mltrail/web/static/vendor/htmx.min.js           copied from htmx.org
//   src/mltrail/web/static/vendor/katex/...             copied from katex (woff2 fonts only)
//   src/mltrail/web/static/vendor/LICENSES.md           versions and licence texts
//
// The output is deterministic for a given package-lock.json, so a rebuild with no dependency
// change leaves git clean.

import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const vendor = join(here, "..", "src", "mltrail", "web", "static", "vendor");

function pkg(name) {
  const dir = join(modules, name);
  return { dir, ...JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) };
}

function licenceText(dir) {
  const file = readdirSync(dir).find((f) => /^licen[cs]e(\.md|\.txt)?$/i.test(f));
  if (!file) throw new Error(`no licence file in ${dir}`);
  return readFileSync(join(dir, file), "utf8").trim();
}

// Start from a clean vendor directory so removed files do not linger.
rmSync(vendor, { recursive: true, force: true });
mkdirSync(vendor, { recursive: true });

// 1. The editor bundle.
const result = await build({
  entryPoints: [join(here, "src", "editor.js")],
  outfile: join(vendor, "editor.js"),
  bundle: true,
  format: "iife",
  minify: true,
  target: ["es2020"],
  platform: "browser",
  legalComments: "none",
  sourcemap: false,
  metafile: true,
  logLevel: "warning",
  banner: {
    js: "/* mltrail editor: CodeMirror 6 (MIT) bundle, built from web-frontend/ (npm run build). Licences: LICENSES.md */",
  },
});

// Packages whose code ended up in the bundle (for LICENSES.md); tree-shaken ones are left out.
const bundled = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m && bytesInOutput > 0) bundled.add(m[1]);
  }
}

// 2. htmx.
const htmx = pkg("htmx.org");
if (!htmx.version.startsWith("2.")) throw new Error(`expected htmx 2.x, found ${htmx.version}`);
cpSync(join(htmx.dir, "dist", "htmx.min.js"), join(vendor, "htmx.min.js"));

// 3. KaTeX: script, CSS, auto-render and the woff2 fonts (every browser that runs the editor
// supports woff2 and picks it first from each @font-face src list, so the woff/ttf fallbacks
// are never requested). Files are copied byte for byte.
const katex = pkg("katex");
const katexOut = join(vendor, "katex");
mkdirSync(join(katexOut, "contrib"), { recursive: true });
mkdirSync(join(katexOut, "fonts"), { recursive: true });
cpSync(join(katex.dir, "dist", "katex.min.js"), join(katexOut, "katex.min.js"));
cpSync(join(katex.dir, "dist", "katex.min.css"), join(katexOut, "katex.min.css"));
cpSync(join(katex.dir, "dist", "contrib", "auto-render.min.js"), join(katexOut, "contrib", "auto-render.min.js"));
for (const font of readdirSync(join(katex.dir, "dist", "fonts")).sort()) {
  if (font.endsWith(".woff2")) cpSync(join(katex.dir, "dist", "fonts", font), join(katexOut, "fonts", font));
}

// 4. LICENSES.md.
const codemirror = [...bundled].sort().map(pkg);
const sections = [];
sections.push(`# Vendored browser assets: versions and licences

Built by \`web-frontend/\` (\`npm ci && npm run build\`); do not edit these files by hand.

| Asset | Package | Version | Licence |
|---|---|---|---|
${codemirror.map((p) => `| editor.js | ${p.name} | ${p.version} | ${p.license} |`).join("\n")}
| htmx.min.js | htmx.org | ${htmx.version} | ${htmx.license} (BSD Zero Clause) |
| katex/ | katex | ${katex.version} | ${katex.license} |
`);
// The CodeMirror packages share one licence text per copyright line; print each distinct text
// once with the packages it covers.
const byText = new Map();
for (const p of codemirror) {
  const text = licenceText(p.dir);
  if (!byText.has(text)) byText.set(text, []);
  byText.get(text).push(`${p.name} ${p.version}`);
}
sections.push(`## editor.js: CodeMirror 6 and its dependencies (MIT)\n`);
for (const [text, names] of byText) {
  sections.push(`Applies to: ${names.join(", ")}\n\n\`\`\`text\n${text}\n\`\`\`\n`);
}
sections.push(`## htmx.min.js: htmx.org ${htmx.version} (0BSD)\n\n\`\`\`text\n${licenceText(htmx.dir)}\n\`\`\`\n`);
sections.push(
  `## katex/: KaTeX ${katex.version} (MIT), including its fonts (katex/fonts/)\n\n\`\`\`text\n${licenceText(katex.dir)}\n\`\`\`\n`,
);
writeFileSync(join(vendor, "LICENSES.md"), sections.join("\n"));

// Report.
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
let total = 0;
for (const file of walk(vendor).sort()) {
  const size = statSync(file).size;
  total += size;
  console.log(`${String(size).padStart(9)}  ${relative(vendor, file)}`);
}
console.log(`${String(total).padStart(9)}  total (${(total / 1024).toFixed(0)} KiB)`);
