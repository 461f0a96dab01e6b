/**
 * Formulas as values: the calculator tree, its compiler from formula text, and the result of a
 * calculation (a value or a cause).
 */
package org.citykpi.calc;
