package live

// startGC is the garbage collector's pace (GOGC) for the first build. The
// dev server keeps the whole site, converted bodies and pages, so the
// first build's heap is mostly what it keeps: at the default pace the
// collector scans it over and over for little garbage, and the first page
// came up to a tenth later than a one-shot build's last. Given more room,
// the first build peaks about as high (at 10 000 pages 310–340 MB either
// way); later rebuilds, which make mostly garbage, run at the default
// pace.
const startGC = 200
