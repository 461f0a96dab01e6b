/**
 * CSV reading and writing: a positioned RFC 4180 record reader, the long, wide, Open SDG and
 * SDMX-CSV data readers, and the results, dataset and Open SDG writers.
 */
package org.citykpi.io.csv;
