// A soak: `clients` loops until the time is up, each mixing inserts of a few
// rows with counting selects on one table. The rows an insert's answer
// acknowledges are added up; a select must see at least every row
// acknowledged before it was sent (read your acknowledged writes), and at the
// end the table holds exactly the acknowledged rows: none lost, none extra.

export interface SoakTarget {
  /** Inserts `rows` rows; true when the answer acknowledged them, false for a refusal that stored nothing. */
  insert(client: number, seq: number, rows: number): Promise<boolean>;
  count(): Promise<number>;
}

export interface SoakReport {
  inserts: number;
  selects: number;
  refused: number;
  acknowledged: number;
  final: number;
  problems: string[];
}

export async function runSoak(t: SoakTarget, clients: number, seconds: number, seed = 1): Promise<SoakReport> {
  const deadline = Date.now() + seconds * 1000;
  const r: SoakReport = { inserts: 0, selects: 0, refused: 0, acknowledged: 0, final: 0, problems: [] };
  // A small deterministic generator per client (no Math.random: the same run every time).
  const rng = (s: number) => () => ((s = Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x297a2d39) >>> 0) / 2 ** 32;
  const loop = async (client: number): Promise<void> => {
    const next = rng(seed * 1000 + client);
    for (let seq = 0; Date.now() < deadline; seq++) {
      if (next() < 0.5) {
        const rows = 1 + Math.floor(next() * 20);
        r.inserts++;
        try {
          if (await t.insert(client, seq, rows)) r.acknowledged += rows;
          else r.refused++;
        } catch (e) {
          // An answer that never came leaves the outcome unknown: that must not happen to a healthy server.
          r.problems.push(`client ${client} insert ${seq}: ${(e as Error).message}`);
          return;
        }
      } else {
        const floor = r.acknowledged;
        r.selects++;
        try {
          const n = await t.count();
          if (n < floor) r.problems.push(`client ${client}: a count of ${n} after ${floor} rows were acknowledged`);
        } catch (e) {
          r.problems.push(`client ${client} select ${seq}: ${(e as Error).message}`);
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, i) => loop(i)));
  r.final = await t.count();
  if (r.final !== r.acknowledged) r.problems.push(`the table holds ${r.final} rows, the answers acknowledged ${r.acknowledged}`);
  return r;
}
