// What the node tests share: where the site's scripts are, and a status scale in the page's
// shape (the page gives the scripts its own, from templates/_status_scale.md.j2).
"use strict";

const path = require("node:path");

const SCALE = {
  values: [
    { value: "not-yet-considered", label: "Not yet considered" },
    { value: "in-progress", label: "In progress" },
    { value: "in-place", label: "In place" }
  ],
  none: "No status yet",
  note: "The status scale is this site's own wording, not the report's."
};

// A script of docs/javascripts/, as the tests require it.
const script = name => require(path.join(__dirname, "..", "..", "docs", "javascripts", name));

module.exports = { SCALE, script };
