#!/usr/bin/env node
// Writes a CycloneDX 1.5 SBOM (OPS-3) of what FinHelm is built from: the Debian packages of
// scripts/debian-packages.txt at their installed versions, and every npm package in the
// committed lockfiles. Usage: node scripts/sbom.mjs [OUTPUT] (default build/sbom.cdx.json).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const output = process.argv[2] ?? join(root, 'build', 'sbom.cdx.json');

function debianComponents() {
  const names = readFileSync(join(root, 'scripts', 'debian-packages.txt'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .map((line) => (line.includes(':') ? line.split(':')[1] : line));
  const components = [];
  for (const name of names) {
    let version;
    try {
      version = execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' });
    } catch {
      continue; // Installed another way (Node.js from elsewhere): not a Debian component.
    }
    if (version === '') continue;
    components.push({
      type: 'library',
      name,
      version,
      purl: `pkg:deb/debian/${name}@${encodeURIComponent(version)}?distro=debian-12`,
    });
  }
  return components;
}

function npmComponents(lockfile, scope) {
  const lock = JSON.parse(readFileSync(join(root, lockfile), 'utf8'));
  const components = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || !entry.version) continue;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 13);
    components.push({
      type: 'library',
      name,
      version: entry.version,
      scope: entry.dev ? 'optional' : 'required',
      purl: `pkg:npm/${name.replace('@', '%40')}@${entry.version}`,
      properties: [{ name: 'finhelm:lockfile', value: scope }],
    });
  }
  return components;
}

const sbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.5',
  version: 1,
  metadata: {
    timestamp: new Date().toISOString(),
    component: { type: 'application', name: 'finhelm' },
  },
  components: [
    ...debianComponents(),
    ...npmComponents('web/package-lock.json', 'web'),
    ...npmComponents('tests/browser/package-lock.json', 'tests/browser'),
  ],
};
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(sbom, null, 2)}\n`);
console.log(`sbom: ${sbom.components.length} components written to ${output}`);
