// Prints the functions that took the most time in a V8 CPU profile (as
// `node --cpu-prof` writes them): self time, summed per function and place.
//   node bench/cpu-profile-top.ts PROFILE.cpuprofile [N]
// Not a benchmark: bench/run.ts skips it.
import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const [file, count] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/cpu-profile-top.ts PROFILE.cpuprofile [N]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const f = byId.get(id)!.callFrame;
  const place = `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;
  self.set(place, (self.get(place) ?? 0) + dt);
});
process.stdout.write(`${(total / 1000).toFixed(0)} ms sampled\n`);
for (const [place, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(count ?? 25))) {
  process.stdout.write(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${place}\n`);
}
