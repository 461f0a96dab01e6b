/**
 * JSON reading and writing: datasets ({@code citykpi-dataset/1}) and results ({@code
 * citykpi-results/1}), with Jackson used without default typing and with nesting limits.
 */
package org.citykpi.io.json;
