/**
 * The HTML report: one self-contained file (inline styles, inline SVG charts, no scripts) that a
 * city officer can open offline, print or e-mail, rendered from scored engine results. A report
 * model is computed once from the input; views only write it as HTML and SVG.
 */
package org.citykpi.report;
