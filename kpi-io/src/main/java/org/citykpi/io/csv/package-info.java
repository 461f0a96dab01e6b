/**
 * CSV writers: results, scores, progress, catalog, dataset, Open SDG, composite index and
 * uncertainty, all quoting cells by one rule (RFC 4180, with text that a spreadsheet would run as
 * a formula made inert). The CSV readers are behind {@link org.citykpi.io.read.DataReader}.
 */
package org.citykpi.io.csv;
