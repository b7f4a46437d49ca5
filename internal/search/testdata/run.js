// Runs assets/js/search.js in node for the Go tests and the benchmark:
//
//   node run.js SEARCH_JS < request.json
//
// request: {"op": "keys", "lang": "fi", "words": [...]}  → {"keys": [...]}
//          {"op": "search", "dir": INDEX_DIR, "queries": [...], "limit": N}
//            → {"answers": [{"urls": [...], "total": N, "bytes": B, "excerpts": [...]}]}
// Each query runs on a fresh engine, as a first query does; bytes counts
// the index files it read.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const sandbox = { URL, URLSearchParams, Map, Set, Promise, Math, Array, Object, String, JSON };
vm.createContext(sandbox);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), sandbox, { filename: "search.js" });
const S = sandbox.seutuSearch;

async function main() {
  const req = JSON.parse(fs.readFileSync(0, "utf8"));
  if (req.op === "keys") {
    return { keys: req.words.map((w) => S.key(w, req.lang)), words: req.texts ? req.texts.map((t) => S.words(t).map((x) => x.w)) : [] };
  }
  const answers = [];
  for (const q of req.queries) {
    let bytes = 0;
    const engine = new S.Engine("", async (p) => {
      const data = fs.readFileSync(path.join(req.dir, p));
      bytes += data.length;
      return JSON.parse(data.toString("utf8"));
    });
    const res = await engine.search(q, req.limit || 10);
    answers.push({ urls: res.results.map((r) => r.url), total: res.total, bytes, excerpts: res.results.map((r) => r.excerpt) });
  }
  return { answers };
}

main().then((out) => process.stdout.write(JSON.stringify(out)), (err) => {
  process.stderr.write(String(err && err.stack || err) + "\n");
  process.exit(1);
});
