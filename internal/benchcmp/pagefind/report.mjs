// Prints queries.mjs's answers side by side: with a query set
// (queries.tsv) the recall of the expected pages in the top 5 and the
// queries each misses, and the bytes of a first query.
//
//   node report.mjs ANSWERS_JSON [QUERIES_TSV]
import fs from "node:fs";

const answers = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const tsv = process.argv[3];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const kB = (n) => (n / 1024).toFixed(1) + " kB";
for (const engine of ["seutu", "pagefind"]) {
  const rows = answers[engine];
  const bytes = rows.map((r) => r.bytes);
  let line = `${engine.padEnd(9)} first query: median ${kB(median(bytes))}, most ${kB(Math.max(...bytes))}`;
  if (tsv) {
    const set = fs.readFileSync(tsv, "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split("\t"));
    let found = 0, expected = 0;
    const missed = [];
    set.forEach((cols, i) => {
      const want = (cols[2] || "").split(" ").filter(Boolean);
      const forbidden = (cols[3] || "").split(" ").filter(Boolean);
      const urls = rows[i].urls;
      const hits = want.filter((u) => urls.includes(u)).length;
      found += hits;
      expected += want.length;
      if (hits < want.length) missed.push(`${cols[1]} (${cols[0]}) ${hits}/${want.length}`);
      if (forbidden.some((u) => urls.includes(u))) missed.push(`${cols[1]} (${cols[0]}) finds a page it must not`);
    });
    line += `; recall in the top 5: ${found} of ${expected} (${(100 * found / expected).toFixed(1)} %)`;
    if (missed.length) line += "\n          misses: " + missed.join("; ");
  }
  console.log(line);
}
