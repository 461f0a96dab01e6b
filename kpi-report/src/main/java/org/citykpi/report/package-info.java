/**
 * The HTML report: one self-contained file (inline styles, inline SVG charts, no scripts) that a
 * city officer can open offline, print or e-mail, rendered from engine results and targets.
 */
package org.citykpi.report;
