/**
 * Where reading starts: {@link org.citykpi.io.read.DataReader} reads data files of any supported
 * format into a dataset with a full account of the rows, {@link org.citykpi.io.read.TargetsReader}
 * reads target sets.
 */
package org.citykpi.io.read;
