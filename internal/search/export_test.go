package search

// Node runs assets/js/search.js in node, for the external tests.
var Node = node
