/**
 * The {@code citykpi} command: one picocli subcommand per job, exit codes and messages as in
 * DESIGN.md (a contract that scripts depend on).
 */
package org.citykpi.cli;
