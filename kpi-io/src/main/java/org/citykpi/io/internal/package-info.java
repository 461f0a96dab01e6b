/**
 * How kpi-io reads, behind {@link org.citykpi.io.read.DataReader}, {@link org.citykpi.io.read.TargetsReader}
 * and the COINr reader: the one CSV tokenizer, the format readers, and the sink that validates
 * every observation and keeps the account. Not API: public only for the other packages of kpi-io.
 */
package org.citykpi.io.internal;
