/**
 * The engine that evaluates a whole catalog over a whole dataset column by column, and its results
 * with explanations.
 */
package org.citykpi.engine;
