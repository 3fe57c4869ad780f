// Keeps `amends.rules` in package.json in step with the server's rules: one property per rule id
// with the severity enum, its default and its summary, so settings.json completes them.
//   node scripts/sync-settings.mjs [path/to/amends]          rewrite package.json
//   node scripts/sync-settings.mjs --check [path/to/amends]  fail if it is out of date
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const check = args[0] === '--check';
const amends = (check ? args[1] : args[0]) ?? 'amends';
const manifestPath = fileURLToPath(new URL('../package.json', import.meta.url));
const text = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(text);
const { rules } = JSON.parse(execFileSync(amends, ['rules', '--format', 'json'], { encoding: 'utf8' }));
const levels = ['off', 'hint', 'info', 'warning', 'error'];
const properties = {};
for (const rule of rules) {
  const byDefault = rule.enabled_by_default ? rule.default_severity : 'off';
  properties[rule.id] = {
    type: 'string',
    enum: levels,
    markdownDescription: `${rule.summary}\n\nDefault: \`${byDefault}\`.`,
  };
}
manifest.contributes.configuration.properties['amends.rules'].properties = properties;
const updated = JSON.stringify(manifest, null, 2) + '\n';
if (check) {
  if (updated !== text) {
    console.error('editors/vscode/package.json: amends.rules is out of date; run npm run sync-settings');
    process.exit(1);
  }
  console.log(`package.json lists all ${rules.length} rules`);
} else {
  writeFileSync(manifestPath, updated);
  console.log(`package.json: amends.rules lists ${rules.length} rules`);
}
