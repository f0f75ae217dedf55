// Writes the code blocks of a Markdown guide that name a file into a copy of the repository:
//   ```java file=path/in/repo   writes (or replaces) that file with the block
//   ```text append=path/in/repo appends the block to that file
// Usage: node .ci/extract-guide.mjs docs/adding-an-interface.md <repository copy>
import { readFileSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [guide, root] = process.argv.slice(2);
if (!guide || !root) {
  console.error('usage: node .ci/extract-guide.mjs <guide.md> <repository copy>');
  process.exit(2);
}
const lines = readFileSync(guide, 'utf8').split('\n');
let written = 0;
for (let i = 0; i < lines.length; i++) {
  const open = lines[i].match(/^```\S*\s+(file|append)=(\S+)\s*$/);
  if (!open) continue;
  const body = [];
  for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
  if (i >= lines.length) throw new Error(`${guide}: the block for ${open[2]} is not closed`);
  const target = join(root, open[2]);
  mkdirSync(dirname(target), { recursive: true });
  const text = body.join('\n') + '\n';
  if (open[1] === 'file') writeFileSync(target, text); else appendFileSync(target, text);
  console.log(`${open[1] === 'file' ? 'wrote' : 'appended to'} ${open[2]}`);
  written++;
}
if (written === 0) throw new Error(`${guide}: no code block names a file`);
