/**
 * JMH benchmarks. Build with {@code ./mvnw -q package -pl benchmarks -am -DskipTests}, run with
 * {@code java -jar benchmarks/target/benchmarks.jar <Name>}; each class says what it measures.
 */
package org.citykpi.bench;
