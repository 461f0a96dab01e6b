/**
 * Readers for COINr's index input: the {@code iData} and {@code iMeta} tables and denominator
 * files, turned into {@link org.citykpi.index.IndexData} and {@link org.citykpi.index.Hierarchy},
 * read through the CSV tokenizer of every kpi-io reader and with problems that name file, line and
 * column.
 */
package org.citykpi.io.coinr;
