// html-validate's configuration for the browser tests (TestHTMLValidate):
// its recommended preset, which holds the WCAG techniques (wcag/h30, h32,
// h36, h37, h63, h67, h71) with the other rules, and its a11y preset on
// top. Two rules are turned off, each for its reason:
module.exports = {
  root: true,
  extends: ["html-validate:recommended", "html-validate:a11y"],
  rules: {
    // The doctype's case is house style: the HTML standard reads
    // <!doctype html> and <!DOCTYPE html> alike (the syntax section says
    // "case-insensitive"), the Nu checker accepts both, and the standard's
    // own examples are written in lower case, as the layouts are.
    "doctype-style": "off",
    // A search engine's result list cuts titles at about 60–70 characters;
    // the rule holds every <title> to 70. A page's title here is its own
    // name (a network's, a project's, a news item's), which the layout may
    // not shorten, followed by the site's name, which tells a reader which
    // site a tab or a bookmark is; 11 pages of the real site go past 70.
    // Neither validity nor access is at stake.
    "long-title": "off",
  },
};
