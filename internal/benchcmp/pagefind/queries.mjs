// Runs queries through seutu's search (assets/js/search.js over the
// index under /haku/) and through Pagefind's own search API (pagefind.js,
// as a browser loads it, over the index Pagefind wrote under /pagefind/),
// both over one built site, and prints for each query and each the paths
// of the first five results and the bytes a first query fetches. Each
// query starts afresh, as a reader's first query does:
//
//   seutu:    search.js, index.json, the shards of the query's words and
//             the records of the results shown (ten);
//   Pagefind: pagefind.js, its WebAssembly, the entry and meta files, the
//             index chunks and the fragments of the first five results.
//
//   node queries.mjs SITE_DIR SEARCH_JS QUERY...   → JSON on stdout
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import vm from "node:vm";
import { pathToFileURL } from "node:url";

const [site, searchJS, ...queries] = process.argv.slice(2);

// seutu: search.js in a sandbox, its files read from the disk.
const sandbox = { URL, URLSearchParams };
vm.createContext(sandbox);
const code = fs.readFileSync(searchJS, "utf8");
vm.runInContext(code, sandbox, { filename: "search.js" });
const S = sandbox.seutuSearch;
const seutu = [];
for (const q of queries) {
  let bytes = code.length ? Buffer.byteLength(code) : 0;
  const engine = new S.Engine("", async (p) => {
    const data = fs.readFileSync(path.join(site, "haku", p));
    bytes += data.length;
    return JSON.parse(data.toString("utf8"));
  });
  const res = await engine.search(q, 10);
  seutu.push({ query: q, urls: res.results.slice(0, 5).map((r) => r.url), total: res.total, bytes });
}

// Pagefind: pagefind.js imported afresh for each query, its files served
// over HTTP from the site, bytes counted as served.
let bytes = 0;
const server = http.createServer((req, res) => {
  const p = path.join(site, decodeURIComponent(new URL(req.url, "http://x").pathname));
  fs.readFile(p, (err, data) => {
    if (err) { res.writeHead(404); res.end(); return; }
    bytes += data.length;
    res.writeHead(200);
    res.end(data);
  });
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const pagefindJS = path.join(site, "pagefind", "pagefind.js");
const pagefind = [];
let n = 0;
for (const q of queries) {
  bytes = fs.statSync(pagefindJS).size; // as a browser fetches it
  const pf = await import(pathToFileURL(pagefindJS).href + "?fresh=" + n++);
  await pf.options({ basePath: origin + "/pagefind/" });
  const search = await pf.search(q);
  const top = await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
  pagefind.push({ query: q, urls: top.map((d) => new URL(d.url, origin).pathname), total: search.results.length, bytes });
}
server.close();
process.stdout.write(JSON.stringify({ seutu, pagefind }));
